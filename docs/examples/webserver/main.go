// Command webserver is a complete HTTP server: a plain-text greeting and an
// HTML page from a template, with the timeouts production needs.
package main

import (
	"bytes"
	"fmt"
	"html/template"
	"log"
	"net/http"
	"time"
)

func main() {
	srv := &http.Server{
		Addr:              ":8080",
		Handler:           NewMux(orderPage),
		ReadHeaderTimeout: 5 * time.Second, // the zero http.Server waits forever
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      10 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	log.Fatal(srv.ListenAndServe())
}

var orderPage = template.Must(template.New("order").Parse("<h1>Order {{ .ID }}</h1>\n"))

// NewMux registers the routes; page renders an order.
func NewMux(page *template.Template) *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /hello/{name}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "Hello, %s!\n", r.PathValue("name"))
	})
	mux.HandleFunc("GET /orders/{id}", func(w http.ResponseWriter, r *http.Request) {
		// Render into a buffer first: if Execute fails halfway, the client
		// gets a clean 500 instead of half a page with a 200 status.
		var buf bytes.Buffer
		if err := page.Execute(&buf, struct{ ID string }{r.PathValue("id")}); err != nil {
			log.Printf("render order: %v", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		buf.WriteTo(w)
	})
	return mux
}
