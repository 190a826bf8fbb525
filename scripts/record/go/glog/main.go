// glog (klog's ancestor, same line header) at each level, then glog.Fatal, which dumps goroutines.
// Run with -logtostderr. Used by scripts/record/go.sh.
package main

import (
	"flag"

	"github.com/golang/glog"
)

func main() {
	flag.Parse()
	glog.Info("Waiting for caches to sync for endpoint controller")
	glog.Infof("Caches are synced for endpoint controller after %dms", 412)
	glog.Warning("lease renewal took 2.1s, longer than 2s")
	glog.Error("Failed to watch *v1.Pod: dial tcp 127.0.0.1:6443: connect: connection refused")
	glog.Info("multi-line\nmessage body")
	glog.Fatal("leaderelection lost")
}
