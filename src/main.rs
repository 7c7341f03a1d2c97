fn main() -> std::process::ExitCode {
    opleidingsplan::cli::run()
}
