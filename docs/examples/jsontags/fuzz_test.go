package jsontags_test

import (
	"bytes"
	"encoding/json/jsontext"
	"encoding/json/v2"
	"io"
	"testing"

	"gobackend.example/examples/jsontags"
)

// FuzzDecode feeds Decode arbitrary bytes. Whatever it accepts must be a
// single JSON object whose keys are Account's own, each spelled exactly and
// used once, and the account must survive a round trip through Marshal.
// `make examples` runs it for a few seconds; the seeds are the edge cases.
func FuzzDecode(f *testing.F) {
	for _, seed := range []string{
		`{"id": 1, "email": "ada@example.com", "nickname": "ada", "created_at": "2024-05-01T12:00:00Z"}`,
		`{"id": 1}}`,
		`{"id": 1}]`,
		`{"id": 1, "id": 2}`,
		`{"ID": 1}`,
		`{"id": 1} {"id": 2}`,
		`{"id": 1, "password": "x"}`,
		`{"created_at": "2024-05-01T12:00:00+02:00"}`,
		`null`,
		``,
	} {
		f.Add([]byte(seed))
	}
	declared := map[string]bool{"id": true, "email": true, "nickname": true, "created_at": true}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := jsontags.Decode(data)
		if err != nil {
			return
		}
		// Read the accepted input again with the low-level tokenizer, which
		// is told to allow duplicates so that it reports them to us.
		dec := jsontext.NewDecoder(bytes.NewReader(data), jsontext.AllowDuplicateNames(true))
		if tok, err := dec.ReadToken(); err != nil || tok.Kind() != '{' {
			t.Fatalf("Decode(%q) accepted something other than an object", data)
		}
		seen := map[string]bool{}
		for dec.PeekKind() == '"' {
			name, err := dec.ReadToken()
			if err != nil {
				t.Fatalf("Decode(%q) accepted invalid JSON: %v", data, err)
			}
			if key := name.String(); !declared[key] || seen[key] {
				t.Fatalf("Decode(%q) accepted the key %q (unknown, wrong case or repeated)", data, key)
			} else {
				seen[key] = true
			}
			if err := dec.SkipValue(); err != nil {
				t.Fatalf("Decode(%q) accepted invalid JSON: %v", data, err)
			}
		}
		if _, err := dec.ReadToken(); err != nil {
			t.Fatalf("Decode(%q) accepted an unfinished object: %v", data, err)
		}
		if _, err := dec.ReadToken(); err != io.EOF {
			t.Fatalf("Decode(%q) accepted data after the object", data)
		}

		out, err := json.Marshal(a)
		if err != nil {
			return // a time outside the years 0-9999 cannot be encoded
		}
		b, err := jsontags.Decode(out)
		if err != nil || b.ID != a.ID || b.Email != a.Email || b.Nickname != a.Nickname || !b.Created.Equal(a.Created) {
			t.Fatalf("round trip of %q through %s: got %+v, %v", data, out, b, err)
		}
	})
}
