// Package jsontags controls the JSON form of a struct with field tags.
package jsontags

import (
	"bytes"
	"encoding/json"
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

// Decode parses one account and rejects keys that Account does not declare,
// so a typo in a client's request is an error rather than silently ignored.
// Anything after the object is an error too.
func Decode(data []byte) (Account, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var a Account
	if err := dec.Decode(&a); err != nil {
		return Account{}, err
	}
	if dec.More() {
		return Account{}, errors.New("json: data after the account object")
	}
	return a, nil
}
