// route-announcer registers this gateway as an ephemeral member node in ZooKeeper and watches it, so
// that it can re-register when the node disappears. It carries a real bug (see watchMember).
package main

import (
	"errors"
	"flag"
	"log"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/samuel/go-zookeeper/zk"
)

func main() {
	servers := flag.String("zk", "127.0.0.1:2181", "ZooKeeper servers, comma-separated")
	service := flag.String("service", "checkout-gw", "service this member belongs to")
	member := flag.String("member", "", "member name (defaults to the host name)")
	addr := flag.String("addr", "", "address announced for this member")
	bind := flag.String("bind", "", "local address for connections to ZooKeeper")
	sessionTimeout := flag.Duration("session-timeout", 3*time.Second, "ZooKeeper session timeout")
	flag.Parse()
	log.SetFlags(log.LstdFlags | log.Lmicroseconds | log.Lshortfile)
	if *member == "" {
		*member, _ = os.Hostname()
	}

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)
	go func() {
		s := <-stop
		log.Printf("INFO received %v, exiting", s)
		os.Exit(0)
	}()

	log.Printf("INFO route-announcer starting: service=%s member=%s zk=%s", *service, *member, *servers)
	dialer := &net.Dialer{}
	if *bind != "" {
		dialer.LocalAddr = &net.TCPAddr{IP: net.ParseIP(*bind)}
	}
	dial := func(network, address string, timeout time.Duration) (net.Conn, error) {
		d := *dialer
		d.Timeout = timeout
		return d.Dial(network, address)
	}
	conn, sessionEvents, err := zk.Connect(strings.Split(*servers, ","), *sessionTimeout, zk.WithDialer(dial))
	if err != nil {
		log.Fatalf("ERROR zookeeper connect: %v", err)
	}
	go func() {
		for ev := range sessionEvents {
			log.Printf("INFO zookeeper session state %s", ev.State)
		}
	}()

	parent := "/services/" + *service + "/members"
	path := parent + "/" + *member
	data := []byte(`{"addr":"` + *addr + `","weight":100}`)
	for attempt := 1; ; attempt++ {
		if err = register(conn, parent, path, data); err == nil {
			break
		}
		log.Printf("WARN register %s failed (attempt %d): %v", path, attempt, err)
		time.Sleep(time.Second)
	}
	for {
		err := watchMember(conn, path)
		log.Printf("WARN member watch on %s ended: %v; re-registering", path, err)
		time.Sleep(time.Second)
		if err := register(conn, parent, path, data); err != nil {
			log.Printf("WARN register %s failed: %v", path, err)
		}
	}
}

// register creates the parents (persistent) and the member node (ephemeral).
func register(conn *zk.Conn, parent, path string, data []byte) error {
	at := ""
	for _, part := range strings.Split(strings.TrimPrefix(parent, "/"), "/") {
		at += "/" + part
		if _, err := conn.Create(at, nil, 0, zk.WorldACL(zk.PermAll)); err != nil && err != zk.ErrNodeExists {
			return err
		}
	}
	if _, err := conn.Create(path, data, zk.FlagEphemeral, zk.WorldACL(zk.PermAll)); err != nil && err != zk.ErrNodeExists {
		return err
	}
	log.Printf("INFO registered member %s", path)
	return nil
}

// watchMember blocks until the member node is deleted or changed.
func watchMember(conn *zk.Conn, path string) error {
	exists, stat, events, err := conn.ExistsW(path)
	if err != nil {
		return err
	}
	if !exists {
		return errors.New("member node is missing")
	}
	log.Printf("INFO watching member %s (version %d, session 0x%x)", path, stat.Version, conn.SessionID())
	for {
		// The incident's bug: no `ev, ok := <-events` check. When the session expires the library
		// sends one EventNotWatching and closes the channel; from then on this receive returns the
		// zero Event (State 0 = StateDisconnected) at once, forever.
		ev := <-events
		switch ev.Type {
		case zk.EventNodeDeleted:
			return errors.New("member node deleted")
		case zk.EventNodeDataChanged:
			log.Printf("INFO member %s data changed", path)
			return nil
		default:
			log.Printf("WARN unexpected zk event %s state=%s for member %s", ev.Type, ev.State, path)
		}
	}
}
