// Package htmlescape renders untrusted input safely with html/template.
package htmlescape

import (
	"html/template"
	"io"
)

// Comment holds text that came from a user and must not be trusted.
type Comment struct {
	Author, Text string
}

// html/template has the same {{ }} syntax as text/template but escapes
// every value for where it lands: HTML text, an attribute, a URL, a script.
var page = template.Must(template.New("comment").Parse(
	`<p>{{ .Text }}</p>
<a href="/users?name={{ .Author }}">{{ .Author }}</a>
`))

// Render writes c as HTML to w.
func Render(w io.Writer, c Comment) error {
	return page.Execute(w, c)
}
