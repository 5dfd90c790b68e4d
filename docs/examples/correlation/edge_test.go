package correlation_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"gobackend.example/examples/correlation"
	"gobackend.example/examples/httpapi"
)

// TestTransport checks that the ID is sent when the context has one, that
// no header is made up when it has none, and that the caller's request is
// left as it was.
func TestTransport(t *testing.T) {
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = append(got, r.Header.Get("X-Request-ID"))
	}))
	defer srv.Close()
	client := &http.Client{Transport: correlation.Transport{}}

	// A handler's context, holding the ID that the middleware accepted.
	var ctx context.Context
	incoming := httptest.NewRequest("GET", "/", nil)
	incoming.Header.Set("X-Request-ID", "trace-1")
	httpapi.RequestID(slog.New(slog.DiscardHandler), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx = r.Context()
	})).ServeHTTP(httptest.NewRecorder(), incoming)

	for _, c := range []context.Context{ctx, context.Background()} {
		req, err := http.NewRequestWithContext(c, "GET", srv.URL, nil)
		if err != nil {
			t.Fatal(err)
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if req.Header.Get("X-Request-ID") != "" {
			t.Error("the caller's request was changed")
		}
	}
	if len(got) != 2 || got[0] != "trace-1" || got[1] != "" {
		t.Errorf("the server saw IDs %q, want [trace-1 \"\"]", got)
	}
}
