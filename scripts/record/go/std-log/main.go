// Writes Go standard `log` lines in its flag variants, then dies: with -mode=runtime by an index
// out of range in a goroutine, with -mode=logpanic through log.Panicf. Used by scripts/record/go.sh.
package main

import (
	"flag"
	"log"
	"os"
	"time"
)

func worker(items []int, done chan<- int) {
	i := len(items) + 2
	done <- items[i] // runtime panic: index out of range
}

func main() {
	mode := flag.String("mode", "runtime", "runtime | logpanic")
	flag.Parse()
	log.SetOutput(os.Stderr)
	log.Printf("starting worker pool size=%d", 3)
	log.SetFlags(log.LstdFlags | log.Lmicroseconds | log.Lshortfile)
	log.Printf("[INFO] connected to queue at 127.0.0.1:5672")
	log.Printf("[WARN] queue depth 1200 above threshold 1000")
	log.SetFlags(log.LstdFlags | log.Llongfile)
	log.Printf("level=error msg=\"ack failed\" err=\"channel closed\"")
	log.SetFlags(log.LstdFlags)
	log.SetPrefix("[sidecar] ")
	log.Printf("ERROR upstream 127.0.0.1:8080 unreachable")
	log.SetFlags(log.LstdFlags | log.Lmsgprefix)
	log.Printf("retrying in 1s")
	log.SetPrefix("")
	log.SetFlags(log.LstdFlags)
	log.Print("multi-line message\nsecond line of it")
	time.Sleep(10 * time.Millisecond)
	if *mode == "logpanic" {
		log.Panicf("invariant violated: %d pending acks", 7)
	}
	done := make(chan int)
	go worker([]int{1, 2, 3}, done)
	<-done
}
