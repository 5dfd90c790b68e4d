package httperrors_test

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"

	"gobackend.example/examples/httperrors"
)

func Example() {
	// Log to standard output without the time, so the output is stable.
	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	}))
	for _, err := range []error{
		fmt.Errorf("order 7: %w", httperrors.ErrNotFound),
		fmt.Errorf("create order: %w", &httperrors.ValidationError{Field: "quantity", Problem: "must be positive"}),
		fmt.Errorf("list orders: %w", errors.New(`pq: relation "orders" does not exist`)),
	} {
		h := httperrors.Handle(logger, func(http.ResponseWriter, *http.Request) error { return err })
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/orders/7", nil))
		fmt.Println(rec.Code, strings.TrimSpace(rec.Body.String()))
	}
	// Output:
	// 404 not found
	// 400 quantity: must be positive
	// level=ERROR msg="request failed" status=500 error="list orders: pq: relation \"orders\" does not exist"
	// 500 internal error
}
