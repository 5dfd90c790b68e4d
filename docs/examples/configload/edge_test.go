package configload_test

import (
	"errors"
	"testing"
	"testing/fstest"

	"gobackend.example/examples/configload"
)

// TestEdges covers an empty file, blank lines, a value holding "=", and a
// line with no key.
func TestEdges(t *testing.T) {
	files := fstest.MapFS{
		"empty.conf": {Data: nil},
		"blank.conf": {Data: []byte("\n  \nurl = https://x.example/?a=b\n\n")},
		"nokey.conf": {Data: []byte(" = value\n")},
	}
	if got, err := configload.Load(files, "empty.conf"); err != nil || len(got) != 0 {
		t.Errorf("empty file: got %v, %v; want no settings", got, err)
	}
	if got, err := configload.Load(files, "blank.conf"); err != nil || got["url"] != "https://x.example/?a=b" || len(got) != 1 {
		t.Errorf("blank lines: got %v, %v; want url only, with its =", got, err)
	}
	if _, err := configload.Load(files, "nokey.conf"); !errors.Is(err, configload.ErrSyntax) || err.Error() != "load config nokey.conf: line 1: want key = value" {
		t.Errorf("no key: err = %v", err)
	}
}
