// Command ferretdb-dev runs an embedded FerretDB (MongoDB wire protocol on
// SQLite) for development and tests. It is not meant for production.
//
// FerretDB 1.24 applies an update by reading the document, changing it and
// writing it back, without a lock: two concurrent $inc lose one, and two
// conditional findAndModify calls can both "win". MongoDB makes every
// single-document write atomic, and the product relies on that. So FerretDB
// listens on a private Unix socket and this program fronts it on TCP,
// letting reads run together but one write at a time (see gate.go).
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on")
	dataDir := flag.String("data", "var/ferretdb", "directory for the SQLite databases")
	flag.Parse()

	dir, err := filepath.Abs(*dataDir)
	if err != nil {
		log.Fatal(err)
	}
	if err = os.MkdirAll(dir, 0o700); err != nil {
		log.Fatal(err)
	}
	// Unix socket paths are short (108 bytes): keep it out of deep data directories.
	socketDir, err := os.MkdirTemp("", "ferretdb-dev-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(socketDir)
	socket := filepath.Join(socketDir, "ferretdb.sock")

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	// The embedded package never starts FerretDB's telemetry reporter and
	// marks telemetry disabled, so nothing leaves the machine.
	db, err := ferretdb.New(&ferretdb.Config{
		Logger:    slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError})),
		Listener:  ferretdb.ListenerConfig{Unix: socket},
		Handler:   "sqlite",
		SQLiteURL: "file:" + dir + "/",
	})
	if err != nil {
		log.Fatal(err)
	}

	front, err := net.Listen("tcp", *listen)
	if err != nil {
		log.Fatal(err)
	}
	go func() {
		<-ctx.Done()
		front.Close()
	}()
	go serve(front, socket, &gate{})

	fmt.Fprintf(os.Stderr, "ferretdb-dev listening on %s, data in %s\n", *listen, dir)
	db.Run(ctx)
}
