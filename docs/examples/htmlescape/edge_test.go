package htmlescape_test

import (
	"strings"
	"testing"

	"gobackend.example/examples/htmlescape"
)

// TestAttributeCannotBeBrokenOut sends an author name that tries to close
// the href attribute and add an event handler.
func TestAttributeCannotBeBrokenOut(t *testing.T) {
	var b strings.Builder
	err := htmlescape.Render(&b, htmlescape.Comment{Author: `x" onmouseover="alert(1)`, Text: "hi"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), `" onmouseover=`) {
		t.Errorf("the quote was not escaped:\n%s", b.String())
	}
}
