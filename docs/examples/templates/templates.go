// Package templates renders plain text with text/template.
package templates

import (
	"io"
	"text/template"
)

// Order is the data the template reads.
type Order struct {
	Name  string
	Items []Item
}

// Item is one line of an order.
type Item struct {
	Product  string
	Quantity int
}

// receipt uses {{ .Field }} to print data and {{ range }} to loop over a
// slice; inside range, the dot is the current element.
// template.Must panics at start-up if the template does not parse.
var receipt = template.Must(template.New("receipt").Parse(
	`Order for {{ .Name }}
{{ range .Items }}- {{ .Quantity }} x {{ .Product }}
{{ else }}(no items)
{{ end }}`))

// Render writes the receipt for o to w.
func Render(w io.Writer, o Order) error {
	return receipt.Execute(w, o)
}
