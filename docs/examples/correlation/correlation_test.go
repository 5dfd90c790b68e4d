package correlation_test

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"

	"gobackend.example/examples/correlation"
	"gobackend.example/examples/httpapi"
	"gobackend.example/examples/userclient"
)

func Example() {
	// Both services log JSON lines to standard output; the time is left
	// out so that the output is stable.
	out := slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	})
	usersLog := httpapi.NewLogger(out).With("service", "users")
	ordersLog := httpapi.NewLogger(out).With("service", "orders")

	users := httptest.NewServer(httpapi.NewServer(usersLog))
	defer users.Close()
	client := userclient.New(users.URL)
	client.HTTP.Transport = correlation.Transport{} // pass the request ID on

	// The orders service shows an order with its customer's name, which it
	// asks the users service for, passing on the request's context.
	mux := http.NewServeMux()
	mux.HandleFunc("GET /orders/{id}", func(w http.ResponseWriter, r *http.Request) {
		u, err := client.User(r.Context(), 1)
		if err != nil {
			http.Error(w, "users service failed", http.StatusBadGateway)
			return
		}
		id, _ := strconv.Atoi(r.PathValue("id"))
		ordersLog.InfoContext(r.Context(), "order shown", "order", id, "customer", u.Name)
	})
	orders := httpapi.RequestID(ordersLog, mux)

	req := httptest.NewRequest("GET", "/orders/7", nil)
	req.Header.Set("X-Request-ID", "req-42")
	orders.ServeHTTP(httptest.NewRecorder(), req)
	// Output:
	// {"level":"INFO","msg":"request","service":"orders","method":"GET","path":"/orders/7","request_id":"req-42"}
	// {"level":"INFO","msg":"request","service":"users","method":"GET","path":"/users/1","request_id":"req-42"}
	// {"level":"INFO","msg":"order shown","service":"orders","order":7,"customer":"Ada","request_id":"req-42"}
}
