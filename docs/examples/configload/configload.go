// Package configload reads "key = value" settings, wrapping each error with
// what it was doing when the error happened.
package configload

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
)

// ErrSyntax marks a line that is not "key = value".
var ErrSyntax = errors.New("want key = value")

// Load reads the file name from fsys. Every error names the file, and the
// line where there is one, and wraps the cause with %w: the message reads
// like a path to the failure, and errors.Is still finds the cause.
func Load(fsys fs.FS, name string) (map[string]string, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("load config %s: %w", name, err)
	}
	settings := map[string]string{}
	for i, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		key, value, ok := strings.Cut(line, "=")
		if !ok || strings.TrimSpace(key) == "" {
			return nil, fmt.Errorf("load config %s: line %d: %w", name, i+1, ErrSyntax)
		}
		settings[strings.TrimSpace(key)] = strings.TrimSpace(value)
	}
	return settings, nil
}
