// nostd-demo/hello-rust.rs: hello world with Rust's std, the runtime's start-up included
// (compare with hello-rust-nostd.rs, which has none).
fn main() {
    println!("hello, world");
}
