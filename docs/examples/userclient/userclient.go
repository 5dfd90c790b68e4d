// Package userclient calls another service's JSON API over HTTP.
package userclient

import (
	"context"
	"encoding/json/v2"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"
)

// MaxBody is the largest reply the client reads; a user is a few hundred bytes.
const MaxBody = 1 << 20

// ErrNotFound is returned, wrapped, when the service has no such user.
var ErrNotFound = errors.New("user not found")

// StatusError reports any other reply that is not 200 OK.
type StatusError struct {
	Code   int    // the HTTP status code, such as 503
	Status string // the status line, such as "503 Service Unavailable"
}

func (e *StatusError) Error() string { return e.Status }

// User mirrors the JSON the users service sends.
type User struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
}

// Client talks to the users service at BaseURL.
type Client struct {
	BaseURL string
	HTTP    *http.Client
}

// New returns a client with an overall timeout: the zero http.Client has
// none and would wait forever on a stuck service.
func New(baseURL string) *Client {
	return &Client{BaseURL: baseURL, HTTP: &http.Client{Timeout: 5 * time.Second}}
}

// User fetches one user. ctx carries the caller's deadline and cancellation
// across the network hop.
func (c *Client) User(ctx context.Context, id int) (User, error) {
	url := fmt.Sprintf("%s/users/%d", c.BaseURL, id)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return User{}, err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return User{}, fmt.Errorf("get user %d: %w", id, err)
	}
	defer resp.Body.Close()
	// Read the reply to the end, even an error's, so that the connection
	// can be reused; one byte over the limit tells a reply that is too
	// large from one that fits exactly.
	body, err := io.ReadAll(io.LimitReader(resp.Body, MaxBody+1))
	switch {
	case err != nil:
		return User{}, fmt.Errorf("get user %d: %w", id, err)
	case resp.StatusCode == http.StatusNotFound:
		return User{}, fmt.Errorf("get user %d: %w", id, ErrNotFound)
	case resp.StatusCode != http.StatusOK:
		return User{}, fmt.Errorf("get user %d: %w", id, &StatusError{resp.StatusCode, resp.Status})
	case len(body) > MaxBody:
		return User{}, fmt.Errorf("get user %d: reply larger than %d bytes", id, MaxBody)
	}
	var u User
	if err := json.Unmarshal(body, &u); err != nil {
		return User{}, fmt.Errorf("get user %d: decode: %w", id, err)
	}
	return u, nil
}
