use std::process::ExitCode;

/// mimalloc: `kehoach lint` allocates many small strings per plan (spans, paths, agency
/// pieces); with glibc's allocator malloc/free were ~15% of a lint run.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    kehoach::cli::main()
}
