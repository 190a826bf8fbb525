// go-kit log in logfmt and JSON, with ts and caller, as Prometheus-family services print.
// -enc=logfmt|json. Used by scripts/record/go.sh.
package main

import (
	"errors"
	"flag"
	"os"

	"github.com/go-kit/log"
	"github.com/go-kit/log/level"
)

func main() {
	enc := flag.String("enc", "logfmt", "logfmt | json")
	flag.Parse()
	var logger log.Logger
	if *enc == "json" {
		logger = log.NewJSONLogger(log.NewSyncWriter(os.Stdout))
	} else {
		logger = log.NewLogfmtLogger(log.NewSyncWriter(os.Stdout))
	}
	logger = log.With(logger, "ts", log.DefaultTimestampUTC, "caller", log.DefaultCaller)
	level.Info(logger).Log("msg", "Starting scrape manager", "targets", 3)
	level.Warn(logger).Log("msg", "Scrape took longer than interval", "target", "http://127.0.0.1:9100/metrics", "duration_seconds", 12.5)
	level.Error(logger).Log("msg", "Scrape failed", "err", errors.New("context deadline exceeded"), "query", `up{job="node"} == 0`)
	level.Debug(logger).Log("msg", "line with\nnewline and \"quotes\"")
}
