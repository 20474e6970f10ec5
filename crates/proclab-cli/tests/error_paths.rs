//! Every way a file argument can be wrong ends with a message on stderr and status 1: never a
//! panic or a backtrace. (A closed pipe is in `cli.rs`: status 0, quietly.)

use std::path::PathBuf;
use std::process::{Command, Output};

fn proclab(arguments: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_proclab"))
        .args(arguments)
        .env("RUST_BACKTRACE", "1")
        .output()
        .expect("the binary runs")
}

/// A scratch directory of this test binary, with the bad files in it.
fn scratch() -> PathBuf {
    let directory =
        std::env::temp_dir().join(format!("proclab-error-paths-{}", std::process::id()));
    std::fs::create_dir_all(&directory).unwrap();
    std::fs::write(directory.join("empty.json"), b"").unwrap();
    std::fs::write(directory.join("blank.json"), b" \n\t\n").unwrap();
    // A valid scenario but for one name in Latin-1: not UTF-8.
    std::fs::write(
        directory.join("latin1.json"),
        b"{\"version\": 1, \"processes\": [{\"name\": \"caf\xe9\", \"arrival\": 0, \"bursts\": [{\"cpu\": 1}]}], \"policy\": {\"kind\": \"fcfs\"}}",
    )
    .unwrap();
    std::fs::write(directory.join("binary.s"), [0xff, 0xfe, 0x00, 0x81, b'\n']).unwrap();
    std::fs::write(directory.join("empty.s"), b"").unwrap();
    std::fs::create_dir_all(directory.join("folder.json")).unwrap();
    directory
}

#[test]
fn bad_files_end_with_a_message_and_status_1() {
    let directory = scratch();
    let path = |name: &str| directory.join(name).to_string_lossy().into_owned();
    // Readable by no one, root included: reading /proc/self/mem at offset 0 fails.
    let unreadable = String::from("/proc/self/mem");
    let not_a_folder = format!("{}/inside.json", path("empty.json"));
    let scenario_files = [
        path("empty.json"),
        path("blank.json"),
        path("latin1.json"),
        path("folder.json"),
        path("missing.json"),
        not_a_folder,
        unreadable.clone(),
    ];
    let mut checked = 0;
    for file in &scenario_files {
        for command in [
            vec!["run", file.as_str()],
            vec!["run", file.as_str(), "--format", "json"],
            vec!["compare", file.as_str()],
            vec!["state", file.as_str(), "--tick", "1"],
            vec!["run", file.as_str(), "--lang", "ko"],
        ] {
            expect_clean_failure(&command, proclab(&command));
            checked += 1;
        }
    }
    for file in [
        path("binary.s"),
        path("empty.s"),
        path("folder.json"),
        unreadable,
    ] {
        for command in [
            vec!["x86", file.as_str()],
            vec!["x86", file.as_str(), "--lang", "ko"],
        ] {
            expect_clean_failure(&command, proclab(&command));
            checked += 1;
        }
    }
    assert_eq!(checked, 43);
    let _ = std::fs::remove_dir_all(&directory);
}

fn expect_clean_failure(command: &[&str], output: Output) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{command:?}: {stderr}");
    assert!(!stderr.trim().is_empty(), "{command:?}: no message");
    assert!(
        !stderr.contains("panicked") && !stderr.contains("backtrace"),
        "{command:?}: {stderr}"
    );
    assert!(
        output.stdout.is_empty(),
        "{command:?}: printed {:?}",
        String::from_utf8_lossy(&output.stdout)
    );
}
