// Package userclient calls another service's JSON API over HTTP.
package userclient

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

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
	defer resp.Body.Close() // always close, or the connection is not reused

	if resp.StatusCode != http.StatusOK {
		return User{}, fmt.Errorf("get user %d: %s", id, resp.Status)
	}
	var u User
	if err := json.NewDecoder(resp.Body).Decode(&u); err != nil {
		return User{}, fmt.Errorf("get user %d: decode: %w", id, err)
	}
	return u, nil
}
