use std::process::ExitCode;

/// mimalloc: `kehoach lint` allocates many small strings per plan (spans, paths, agency
/// pieces); with glibc's allocator malloc/free were ~15% of a lint run. Built with
/// `no_thp` (Cargo.toml): with transparent huge pages mimalloc's arenas were resident in
/// 2 MiB steps, and rendering Cà Mau 2023 peaked at 146–152 MB instead of 88–91 MB.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    kehoach::cli::main()
}
