package userclient_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"time"

	"gobackend.example/examples/httpapi"
	"gobackend.example/examples/userclient"
)

func Example() {
	// Run the users service from the httpapi example on a loopback port.
	srv := httptest.NewServer(httpapi.NewServer(slog.New(slog.DiscardHandler)))
	defer srv.Close()

	client := userclient.New(srv.URL)
	ctx := context.Background()

	u, err := client.User(ctx, 1)
	fmt.Printf("%+v %v\n", u, err)

	_, err = client.User(ctx, 42)
	fmt.Println(err, errors.Is(err, userclient.ErrNotFound))
	// Output:
	// {ID:1 Name:Ada} <nil>
	// get user 42: user not found true
}

func ExampleClient_User_deadline() {
	stuck := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done() // never answers; returns when the client gives up
	}))
	defer stuck.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	_, err := userclient.New(stuck.URL).User(ctx, 1)
	fmt.Println(errors.Is(err, context.DeadlineExceeded))
	// Output: true
}
