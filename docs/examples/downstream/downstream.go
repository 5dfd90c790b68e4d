// Package downstream calls another service on behalf of an incoming request,
// within a deadline derived from that request's context.
package downstream

import (
	"context"
	"encoding/json/v2"
	"fmt"
	"io"
	"net/http"
	"time"
)

// CallTimeout bounds one call; the caller's own deadline still applies if
// it is sooner.
const CallTimeout = 2 * time.Second

// Stock asks the inventory service at url how many of an item are left.
// Pass the handler's r.Context(): if the client gives up, so does the call.
func Stock(ctx context.Context, client *http.Client, url string) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, CallTimeout)
	defer cancel()

	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := client.Do(req) // fails with ctx's error once it ends
	if err != nil {
		return 0, fmt.Errorf("stock: %w", err)
	}
	defer resp.Body.Close() // always, or the connection leaks
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("stock: %s", resp.Status)
	}
	var reply struct {
		Count int `json:"count"`
	}
	if err := json.UnmarshalRead(io.LimitReader(resp.Body, 1<<16), &reply); err != nil {
		return 0, fmt.Errorf("stock: decode: %w", err)
	}
	return reply.Count, nil
}
