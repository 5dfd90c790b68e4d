// Package correlation carries a request's ID to the services it calls, so
// that their logs can be joined with the caller's.
package correlation

import (
	"net/http"

	"gobackend.example/examples/httpapi"
)

// Transport is an http.RoundTripper that copies the request ID from each
// outgoing request's context into its X-Request-ID header. The service
// called keeps that ID (httpapi.RequestID), so one ID follows the request.
type Transport struct {
	Base http.RoundTripper // nil means http.DefaultTransport
}

func (t Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	base := t.Base
	if base == nil {
		base = http.DefaultTransport
	}
	if id := httpapi.RequestIDFrom(req.Context()); id != "" {
		req = req.Clone(req.Context()) // a RoundTripper must not change the caller's request
		req.Header.Set("X-Request-ID", id)
	}
	return base.RoundTrip(req)
}
