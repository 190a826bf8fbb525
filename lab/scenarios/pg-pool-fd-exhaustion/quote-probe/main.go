// quote-probe is the storefront's quote fetcher: a fixed set of workers asking quote-svc for prices,
// each request on a fresh connection with a client timeout.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"math/rand"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
	"time"
)

func main() {
	target := flag.String("target", "http://127.0.0.1:8080", "quote-svc base URL")
	bind := flag.String("bind", "", "local address for outgoing connections")
	workers := flag.Int("workers", 40, "concurrent workers")
	timeout := flag.Duration("timeout", 2*time.Second, "per-request timeout")
	pause := flag.Duration("pause", 200*time.Millisecond, "pause between a worker's requests")
	skus := flag.Int("skus", 500, "number of SKUs to ask for")
	flag.Parse()
	log.SetFlags(log.LstdFlags | log.Lmicroseconds)

	dialer := &net.Dialer{Timeout: *timeout}
	if *bind != "" {
		dialer.LocalAddr = &net.TCPAddr{IP: net.ParseIP(*bind)}
	}
	client := &http.Client{
		Timeout:   *timeout,
		Transport: &http.Transport{DialContext: dialer.DialContext, DisableKeepAlives: true},
	}
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)

	var ok, failed int64
	for i := 0; i < *workers; i++ {
		go func(id int) {
			rng := rand.New(rand.NewSource(int64(id)))
			for {
				sku := fmt.Sprintf("SKU-%05d", rng.Intn(*skus))
				url := *target + "/v1/quote?sku=" + sku
				start := time.Now()
				req, _ := http.NewRequestWithContext(context.Background(), http.MethodGet, url, nil)
				resp, err := client.Do(req)
				if err != nil {
					atomic.AddInt64(&failed, 1)
					log.Printf("WARN worker=%d quote %s failed after %s: %v", id, sku, time.Since(start).Round(time.Millisecond), err)
					time.Sleep(*pause)
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					atomic.AddInt64(&failed, 1)
					log.Printf("WARN worker=%d quote %s: HTTP %d after %s", id, sku, resp.StatusCode, time.Since(start).Round(time.Millisecond))
				} else {
					atomic.AddInt64(&ok, 1)
				}
				time.Sleep(*pause)
			}
		}(i)
	}
	tick := time.NewTicker(5 * time.Second)
	for {
		select {
		case <-tick.C:
			log.Printf("INFO quotes ok=%d failed=%d (last 5s)", atomic.SwapInt64(&ok, 0), atomic.SwapInt64(&failed, 0))
		case s := <-stop:
			log.Printf("INFO received %v, exiting", s)
			return
		}
	}
}
