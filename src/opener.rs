//! Handing an address to the user's browser: the programs `$BROWSER` names when it is set,
//! else the configuration's `browser`, else the system's opener (`xdg-open`, or `open` on
//! macOS). The address is one argument of a program started directly, never through a
//! shell, so that nothing in it can be read as a command.

use std::fmt;
use std::io;
use std::process::{Child, Command, Stdio};

/// The system's opener, tried when nothing else is set.
const SYSTEM: &str = if cfg!(target_os = "macos") {
    "open"
} else {
    "xdg-open"
};

/// The programs that may open an address, in the order they are tried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opener {
    choices: Vec<Choice>,
}

/// One program and its arguments, and the setting that named it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Choice {
    words: Vec<String>,
    from: &'static str,
}

/// Why no program was started.
#[derive(Debug)]
pub enum OpenError {
    /// None of the programs exists; they were tried in this order.
    Missing(Vec<String>),
    /// The program exists but could not be started.
    NotStarted(String, io::Error),
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenError::Missing(tried) => write!(
                f,
                "no program to open links ({} not found): set $BROWSER or `browser:` in the \
                 configuration",
                tried.join(", ")
            ),
            OpenError::NotStarted(program, error) => {
                write!(f, "could not start {program}: {error}")
            }
        }
    }
}

impl Default for Opener {
    /// The system's opener alone.
    fn default() -> Opener {
        Opener::new(None, &[])
    }
}

impl Opener {
    /// The opener `$BROWSER` (its value, when set) and the configuration's `browser` (its
    /// words; empty when not set) make. `$BROWSER` may name several programs apart by `:`, as
    /// is the custom; a `%s` in a program's words stands for the address, which otherwise
    /// comes last.
    pub fn new(browser_variable: Option<&str>, configured: &[String]) -> Opener {
        let from_variable: Vec<Choice> = (browser_variable.unwrap_or_default().split(':'))
            .map(|entry| entry.split_whitespace().map(str::to_owned).collect())
            .filter(|words: &Vec<String>| !words.is_empty())
            .map(|words| Choice {
                words,
                from: "$BROWSER",
            })
            .collect();
        let choices = match (from_variable.is_empty(), configured.is_empty()) {
            (false, _) => from_variable,
            (true, false) => vec![Choice {
                words: configured.to_vec(),
                from: "browser",
            }],
            (true, true) => vec![Choice {
                words: vec![SYSTEM.to_owned()],
                from: "system",
            }],
        };
        Opener { choices }
    }

    /// Starts the first program that exists with `address`, its input and output going
    /// nowhere (the reader keeps the terminal), and returns it with its name. A program that
    /// is missing makes way for the next.
    pub fn open(&self, address: &str) -> Result<(String, Child), OpenError> {
        let mut missing = Vec::new();
        for choice in &self.choices {
            let (program, arguments) = choice.command(address);
            let started = Command::new(&program)
                .args(&arguments)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn();
            match started {
                Ok(child) => return Ok((program, child)),
                Err(error) if error.kind() == io::ErrorKind::NotFound => {
                    missing.push(format!("{program} ({})", choice.from));
                }
                Err(error) => return Err(OpenError::NotStarted(program, error)),
            }
        }
        Err(OpenError::Missing(missing))
    }
}

impl Choice {
    /// The program and its arguments for `address`: each `%s` replaced by it, or it last.
    fn command(&self, address: &str) -> (String, Vec<String>) {
        let program = self.words[0].clone();
        let mut arguments: Vec<String> = self.words[1..].to_vec();
        if arguments.iter().any(|word| word.contains("%s")) {
            for word in &mut arguments {
                *word = word.replace("%s", address);
            }
        } else {
            arguments.push(address.to_owned());
        }
        (program, arguments)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commands(opener: &Opener, address: &str) -> Vec<(String, Vec<String>)> {
        opener.choices.iter().map(|c| c.command(address)).collect()
    }

    #[test]
    fn the_variable_wins_then_the_configuration_then_the_system() {
        let address = "https://example.com/a?b=1;echo";
        let configured = ["firefox".to_owned(), "--new-tab".to_owned()];
        let opener = Opener::new(Some("lynx -dump %s:w3m"), &configured);
        assert_eq!(
            commands(&opener, address),
            [
                (
                    "lynx".to_owned(),
                    vec!["-dump".to_owned(), address.to_owned()]
                ),
                ("w3m".to_owned(), vec![address.to_owned()]),
            ]
        );
        let opener = Opener::new(Some(" : "), &configured);
        assert_eq!(
            commands(&opener, address),
            [(
                "firefox".to_owned(),
                vec!["--new-tab".to_owned(), address.to_owned()]
            )]
        );
        let opener = Opener::new(None, &[]);
        assert_eq!(
            commands(&opener, address),
            [(SYSTEM.to_owned(), vec![address.to_owned()])]
        );
    }

    #[test]
    fn a_missing_program_is_named_with_the_setting_to_change() {
        let opener = Opener::new(Some("/nonexistent/browser-a:/nonexistent/browser-b"), &[]);
        let error = opener.open("https://example.com/").unwrap_err();
        let message = error.to_string();
        assert!(
            message.starts_with(
                "no program to open links (/nonexistent/browser-a ($BROWSER), \
                 /nonexistent/browser-b ($BROWSER) not found): set $BROWSER or `browser:`"
            ),
            "{message}"
        );
    }
}
