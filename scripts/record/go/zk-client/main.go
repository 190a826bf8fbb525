// A go-zookeeper client pointed at an address where nothing listens: it logs its reconnect attempts
// through the standard `log` package, as services embedding it do. Used by scripts/record/go.sh.
package main

import (
	"flag"
	"time"

	"github.com/samuel/go-zookeeper/zk"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:18485", "ensemble member")
	wait := flag.Duration("for", 3*time.Second, "how long to keep trying")
	flag.Parse()
	conn, _, err := zk.Connect([]string{*addr}, 2*time.Second)
	if err != nil {
		panic(err)
	}
	time.Sleep(*wait)
	conn.Close()
	time.Sleep(100 * time.Millisecond)
}
