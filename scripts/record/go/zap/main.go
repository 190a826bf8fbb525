// zap in its console encoder (development and production configs) and its JSON encoder.
// -enc=dev|prod-console|json. Used by scripts/record/go.sh.
package main

import (
	"errors"
	"flag"
	"time"

	"go.uber.org/zap"
)

func main() {
	enc := flag.String("enc", "dev", "dev | prod-console | json")
	flag.Parse()
	var cfg zap.Config
	switch *enc {
	case "dev":
		cfg = zap.NewDevelopmentConfig()
	case "prod-console":
		cfg = zap.NewProductionConfig()
		cfg.Encoding = "console"
	default:
		cfg = zap.NewProductionConfig()
	}
	cfg.OutputPaths = []string{"stdout"}
	logger, err := cfg.Build()
	if err != nil {
		panic(err)
	}
	defer logger.Sync()
	logger.Info("session established", zap.String("sessionId", "0x100a2f"), zap.Duration("timeout", 4*time.Second))
	coord := logger.Named("coordinator")
	coord.Warn("heartbeat late", zap.Int("missed", 2))
	coord.Error("session expired", zap.Error(errors.New("zk: session has been expired by the server")))
	logger.Info("shutting down")
}
