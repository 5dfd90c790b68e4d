package jsontags_test

import (
	"testing"

	"gobackend.example/examples/jsontags"
)

// TestDecodeRejects lists inputs a strict decoder must refuse.
func TestDecodeRejects(t *testing.T) {
	for _, input := range []string{
		``,                         // nothing at all
		`{"id": 1`,                 // cut off
		`{"id": "1"}`,              // wrong type
		`{"ID": 1, "mail": "x"}`,   // unknown key
		`{"id": 1} {"id": 2}`,      // a second value
		`{"id": 1} trailing bytes`, // garbage after the object
		`{"id": 1}}`,               // a stray closing brace
		`{"id": 1}]`,               // a stray closing bracket
		`{"id": 1, "id": 2}`,       // a duplicate key
		`{"ID": 1}`,                // a key in the wrong case
		`{"Email": "x"}`,           // another key in the wrong case
		`null`,                     // not an object
		`[{"id": 1}]`,              // an array, not an object
	} {
		if a, err := jsontags.Decode([]byte(input)); err == nil {
			t.Errorf("Decode(%q) = %+v, want an error", input, a)
		}
	}
}

// TestDecodeAcceptsSurroundingSpace checks that whitespace around the object
// is not mistaken for extra data.
func TestDecodeAcceptsSurroundingSpace(t *testing.T) {
	a, err := jsontags.Decode([]byte("\n {\"id\": 3}\n"))
	if err != nil || a.ID != 3 {
		t.Errorf("got %+v, %v; want ID 3", a, err)
	}
}
