// Package jsontags controls the JSON form of a struct with field tags.
package jsontags

import (
	"bytes"
	"encoding/json/v2"
	"errors"
	"time"
)

// Account shows the common tag options.
type Account struct {
	ID       int       `json:"id"`                 // key "id" instead of "ID"
	Email    string    `json:"email"`              // key "email"
	Nickname string    `json:"nickname,omitempty"` // left out when empty
	Created  time.Time `json:"created_at"`         // encoded as RFC 3339 text
	Password string    `json:"-"`                  // never encoded or decoded
}

// Decode parses one account object and nothing else. encoding/json/v2
// (Go 1.27) is strict where encoding/json is lenient: it rejects a key that
// appears twice or differs from its tag in case, and any data after the
// object. RejectUnknownMembers adds keys that Account does not declare, so a
// typo in a client's request is an error rather than silently ignored.
func Decode(data []byte) (Account, error) {
	if !bytes.HasPrefix(bytes.TrimLeft(data, " \t\r\n"), []byte("{")) {
		return Account{}, errors.New("json: an account must be a JSON object")
	}
	var a Account
	if err := json.Unmarshal(data, &a, json.RejectUnknownMembers(true)); err != nil {
		return Account{}, err
	}
	return a, nil
}
