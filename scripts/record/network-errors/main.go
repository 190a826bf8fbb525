// Provokes socket errors against loopback listeners it starts itself and logs them with the
// standard log package, as a Go service would: refused, reset, broken pipe, i/o timeout, client
// timeout, too many open files. Used by scripts/record/network-errors.sh.
package main

import (
	"flag"
	"log"
	"net"
	"net/http"
	"os"
	"syscall"
	"time"
)

func main() {
	dead := flag.String("dead", "127.0.0.1:18490", "an address where nothing listens")
	flag.Parse()
	log.SetOutput(os.Stdout)
	log.SetFlags(log.LstdFlags | log.Lmicroseconds)

	// refused: nothing listens on the dead port
	for i := 0; i < 3; i++ {
		if _, err := http.Get("http://" + *dead + "/health"); err != nil {
			log.Printf("ERROR health probe failed: %v", err)
		}
	}

	// reset: a server that closes with SO_LINGER 0 (RST) as soon as a request arrives
	rst, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	go func() {
		for {
			c, err := rst.Accept()
			if err != nil {
				return
			}
			buf := make([]byte, 64)
			c.Read(buf)
			c.(*net.TCPConn).SetLinger(0)
			c.Close()
		}
	}()
	for i := 0; i < 3; i++ {
		c, err := net.Dial("tcp", rst.Addr().String())
		if err != nil {
			log.Printf("ERROR dial: %v", err)
			continue
		}
		c.Write([]byte("PING\r\n"))
		time.Sleep(50 * time.Millisecond)
		if _, err := c.Read(make([]byte, 64)); err != nil {
			log.Printf("WARN upstream read failed: %v", err)
		}
		if _, err := c.Write([]byte("PING\r\n")); err != nil {
			log.Printf("WARN upstream write failed: %v", err)
		}
		c.Close()
	}

	// i/o timeout and client timeout: a server that accepts and never answers
	slow, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	held := []net.Conn{}
	go func() {
		for {
			c, err := slow.Accept()
			if err != nil {
				return
			}
			held = append(held, c)
		}
	}()
	for i := 0; i < 2; i++ {
		c, err := net.Dial("tcp", slow.Addr().String())
		if err != nil {
			log.Printf("ERROR dial: %v", err)
			continue
		}
		c.SetReadDeadline(time.Now().Add(200 * time.Millisecond))
		if _, err := c.Read(make([]byte, 64)); err != nil {
			log.Printf("WARN replica read failed: %v", err)
		}
		c.Close()
	}
	client := &http.Client{Timeout: 300 * time.Millisecond}
	for i := 0; i < 2; i++ {
		if _, err := client.Get("http://" + slow.Addr().String() + "/v1/items"); err != nil {
			log.Printf("WARN request failed: %v", err)
		}
	}

	// too many open files: a low RLIMIT_NOFILE, then dial until socket() fails
	lim := syscall.Rlimit{Cur: 32, Max: 32}
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		log.Fatal(err)
	}
	conns := []net.Conn{}
	for i := 0; i < 64; i++ {
		c, err := net.Dial("tcp", slow.Addr().String())
		if err != nil {
			log.Printf("ERROR dial failed after %d connections: %v", len(conns), err)
			break
		}
		conns = append(conns, c)
	}
}
