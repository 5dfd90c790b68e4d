module gobackend.example/examples

go 1.27
