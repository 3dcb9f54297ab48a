use std::process::ExitCode;

fn main() -> ExitCode {
    kehoach::cli::main()
}
