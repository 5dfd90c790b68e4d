// Tests in package inventory itself can reach unexported names.
package inventory

import "testing"

func TestValidate(t *testing.T) {
	tests := []struct {
		sku     string
		n       int
		wantErr bool
	}{
		{"gopher-mug", 1, false},
		{"", 1, true},
		{"gopher-mug", 0, true},
		{"gopher-mug", -2, true},
	}
	for _, tt := range tests {
		if err := validate(tt.sku, tt.n); (err != nil) != tt.wantErr {
			t.Errorf("validate(%q, %d) = %v, want error: %t", tt.sku, tt.n, err, tt.wantErr)
		}
	}
}
