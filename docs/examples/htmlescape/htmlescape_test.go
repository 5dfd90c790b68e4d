package htmlescape_test

import (
	"os"

	"gobackend.example/examples/htmlescape"
)

func ExampleRender() {
	attack := htmlescape.Comment{
		Author: "Eve & co",
		Text:   `<script>alert("stolen")</script>`,
	}
	if err := htmlescape.Render(os.Stdout, attack); err != nil {
		panic(err)
	}
	// Output:
	// <p>&lt;script&gt;alert(&#34;stolen&#34;)&lt;/script&gt;</p>
	// <a href="/users?name=Eve%20%26%20co">Eve &amp; co</a>
}
