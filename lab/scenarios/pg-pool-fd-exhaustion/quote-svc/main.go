// quote-svc answers price quotes from PostgreSQL over HTTP. Its handlers query without a deadline
// through a small connection pool: when queries stall, requests queue for a pool connection while
// their clients give up, and the accepted sockets stay open (CLOSE_WAIT) until the handler returns.
package main

import (
	"database/sql"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/lib/pq"
)

// boundDialer makes lib/pq connect from this host's address.
type boundDialer struct{ d net.Dialer }

func (b boundDialer) Dial(network, address string) (net.Conn, error) { return b.d.Dial(network, address) }
func (b boundDialer) DialTimeout(network, address string, timeout time.Duration) (net.Conn, error) {
	d := b.d
	d.Timeout = timeout
	return d.Dial(network, address)
}

func main() {
	listen := flag.String("listen", "127.0.0.1:8080", "HTTP listen address")
	dsn := flag.String("dsn", "", "PostgreSQL connection string")
	bind := flag.String("bind", "", "local address for database connections")
	maxOpen := flag.Int("db-max-open", 4, "maximum open database connections")
	flag.Parse()
	log.SetFlags(log.LstdFlags | log.Lmicroseconds)

	connector, err := pq.NewConnector(*dsn)
	if err != nil {
		log.Fatalf("ERROR bad dsn: %v", err)
	}
	dialer := boundDialer{}
	if *bind != "" {
		dialer.d.LocalAddr = &net.TCPAddr{IP: net.ParseIP(*bind)}
	}
	connector.Dialer(dialer)
	db := sql.OpenDB(connector)
	db.SetMaxOpenConns(*maxOpen)
	db.SetMaxIdleConns(*maxOpen)
	db.SetConnMaxLifetime(10 * time.Minute)

	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("/v1/quote", func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sku := r.URL.Query().Get("sku")
		var cents int
		var updated time.Time
		// No request context and no statement timeout: this waits for a pool connection and for the
		// query as long as it takes, even after the client has gone.
		err := db.QueryRow(`SELECT price_cents, updated_at FROM price_book WHERE sku = $1`, sku).Scan(&cents, &updated)
		took := time.Since(start)
		status := http.StatusOK
		switch {
		case err == sql.ErrNoRows:
			status = http.StatusNotFound
			http.Error(w, "unknown sku", status)
		case err != nil:
			status = http.StatusInternalServerError
			log.Printf("ERROR quote sku=%s: %v", sku, err)
			http.Error(w, "internal error", status)
		default:
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprintf(w, `{"sku":%q,"price_cents":%d,"updated_at":%q}`+"\n", sku, cents, updated.Format(time.RFC3339))
		}
		level := "INFO"
		if took > time.Second {
			level = "WARN"
		}
		log.Printf("%s %s %s %s status=%d duration=%s", level, r.RemoteAddr, r.Method, r.URL.RequestURI(), status, took.Round(time.Microsecond))
	})

	// Pool statistics, as the service's dashboard reads them.
	go func() {
		var last sql.DBStats
		for range time.Tick(5 * time.Second) {
			s := db.Stats()
			level := "INFO"
			if s.InUse >= s.MaxOpenConnections && s.WaitCount > last.WaitCount {
				level = "WARN"
			}
			log.Printf("%s db pool: max_open=%d open=%d in_use=%d idle=%d wait_count=%d wait_duration=%s",
				level, s.MaxOpenConnections, s.OpenConnections, s.InUse, s.Idle, s.WaitCount, s.WaitDuration.Round(time.Millisecond))
			last = s
		}
	}()

	srv := &http.Server{Addr: *listen, Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)
	go func() {
		s := <-stop
		log.Printf("INFO received %v, exiting", s)
		os.Exit(0)
	}()
	log.Printf("INFO quote-svc listening on %s (db max_open=%d)", *listen, *maxOpen)
	if err := srv.ListenAndServe(); err != nil {
		log.Fatalf("ERROR serve: %v", err)
	}
}
