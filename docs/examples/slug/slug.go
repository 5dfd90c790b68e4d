// Package slug turns titles into URL path segments.
package slug

import (
	"strings"
	"unicode"
)

// Make lower-cases title, keeps ASCII letters and digits, and joins the
// words with single hyphens: "Go for Backend Systems!" -> "go-for-backend-systems".
func Make(title string) string {
	var b strings.Builder
	gap := false // a separator was seen since the last kept character
	for _, r := range strings.ToLower(title) {
		if r > unicode.MaxASCII || !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
			gap = true
			continue
		}
		if gap && b.Len() > 0 {
			b.WriteByte('-')
		}
		gap = false
		b.WriteRune(r)
	}
	return b.String()
}
