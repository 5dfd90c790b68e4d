// Command shutdown serves HTTP until it receives SIGINT or SIGTERM, then lets
// in-flight requests finish before it exits.
package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	// One JSON object per line on standard output, where a container
	// platform collects logs.
	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))

	// ctx is cancelled on Ctrl+C or on the SIGTERM an orchestrator sends.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// Once ctx is cancelled, stop catching signals: a second Ctrl+C then
	// ends the program at once instead of waiting out the shutdown.
	context.AfterFunc(ctx, func() {
		stop()
		logger.Info("shutting down")
	})

	addr := os.Getenv("ADDR") // configuration from the environment
	if addr == "" {
		addr = ":8080"
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		logger.Error("listen", "error", err)
		os.Exit(1)
	}
	hello := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "hello\n")
	})
	logger.Info("serving", "addr", ln.Addr().String())
	if err := Run(ctx, ln, NewServer(hello)); err != nil {
		logger.Error("serve", "error", err)
		os.Exit(1)
	}
	logger.Info("stopped")
}

// NewServer returns a server for h with all four timeouts set. The zero
// http.Server has none, so a slow or idle client could hold a connection,
// and its goroutine, forever.
func NewServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,   // request line and headers
		ReadTimeout:       10 * time.Second,  // the whole request, body included
		WriteTimeout:      10 * time.Second,  // the response, from the end of the headers
		IdleTimeout:       120 * time.Second, // a keep-alive connection between requests
	}
}

// Run serves srv on ln until ctx is cancelled, then shuts down gracefully:
// it stops accepting connections and waits up to 10 s for active requests.
func Run(ctx context.Context, ln net.Listener, srv *http.Server) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()

	select {
	case err := <-errc: // the server failed on its own
		return err
	case <-ctx.Done():
	}

	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return err
	}
	// Serve returns ErrServerClosed once Shutdown has been called.
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
