//! The wizard's seam to the terminal: the `Prompter` trait (what the questions need from a
//! screen and a keyboard, nothing more) and its dialoguer implementation, which fits refusals
//! to the terminal width and picks the theme that matches the colour setting.

use std::io::{self, ErrorKind};

use dialoguer::console::Term;
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{Confirm, Input, Password, Select};

/// Why a prompt ended without an answer.
#[derive(Debug, thiserror::Error)]
pub enum PromptError {
    /// Ctrl-C at the prompt.
    #[error("interrupted")]
    Interrupted,
    /// The terminal could not be read or written (it went away, or is not one).
    #[error("cannot ask on the terminal: {0}")]
    Terminal(io::Error),
}

/// Checks one answer: `Err` holds the reason it is refused, shown before it is asked again.
pub type Check<'a> = &'a dyn Fn(&str) -> Result<(), String>;

/// Where the wizard asks its questions and shows what it has to say.
pub trait Prompter {
    /// Shows `text` as it is (the wizard's opening line, the order before sending).
    fn say(&mut self, text: &str);

    /// Shows `why` as an error: a given value is refused and is about to be offered for editing.
    fn refuse(&mut self, why: &str);

    /// Asks for one line until `check` accepts it and returns it. An empty line stands for
    /// `default` when there is one (checked like any answer); `initial` is already typed, to edit.
    fn input(
        &mut self,
        prompt: &str,
        default: Option<&str>,
        initial: Option<&str>,
        check: Check<'_>,
    ) -> Result<String, PromptError>;

    /// Asks for a secret (the end user's PIN) without echoing it, until `check` accepts it; an
    /// empty line is an empty answer.
    fn secret(&mut self, prompt: &str, check: Check<'_>) -> Result<String, PromptError>;

    /// Asks for one of `items`, starting on `default`; returns the index chosen.
    fn select(
        &mut self,
        prompt: &str,
        items: &[&str],
        default: usize,
    ) -> Result<usize, PromptError>;

    /// Asks yes or no; anything but a yes (`n`, Enter, Esc, `q`) is a no.
    fn confirm(&mut self, prompt: &str) -> Result<bool, PromptError>;
}

/// The prompts on stderr, drawn by dialoguer.
pub struct TerminalPrompter {
    color: bool,
    colorful: ColorfulTheme,
    simple: SimpleTheme,
}

impl TerminalPrompter {
    /// Prompts in colour when `color` is set.
    pub fn new(color: bool) -> TerminalPrompter {
        TerminalPrompter {
            color,
            colorful: ColorfulTheme::default(),
            simple: SimpleTheme,
        }
    }

    fn theme(&self) -> &dyn Theme {
        if self.color {
            &self.colorful
        } else {
            &self.simple
        }
    }
}

impl Prompter for TerminalPrompter {
    fn say(&mut self, text: &str) {
        eprint!("{text}");
    }

    fn refuse(&mut self, why: &str) {
        let mut line = String::new();
        let _ = self.theme().format_error(&mut line, &fit_to_terminal(why));
        eprintln!("{line}");
    }

    fn input(
        &mut self,
        prompt: &str,
        default: Option<&str>,
        initial: Option<&str>,
        check: Check<'_>,
    ) -> Result<String, PromptError> {
        let mut input = Input::<String>::with_theme(self.theme())
            .with_prompt(prompt)
            .allow_empty(true)
            .validate_with(|answer: &String| -> Result<(), String> {
                check(answer).map_err(|why| fit_to_terminal(&why))
            });
        if let Some(initial) = initial {
            input = input.with_initial_text(initial);
        }
        if let Some(default) = default {
            input = input.default(default.to_string());
        }
        input.interact_text().map_err(failed)
    }

    fn secret(&mut self, prompt: &str, check: Check<'_>) -> Result<String, PromptError> {
        Password::with_theme(self.theme())
            .with_prompt(prompt)
            .allow_empty_password(true)
            .validate_with(|answer: &String| -> Result<(), String> {
                check(answer).map_err(|why| fit_to_terminal(&why))
            })
            .interact()
            .map_err(failed)
    }

    fn select(
        &mut self,
        prompt: &str,
        items: &[&str],
        default: usize,
    ) -> Result<usize, PromptError> {
        Select::with_theme(self.theme())
            .with_prompt(prompt)
            .items(items)
            .default(default)
            .interact()
            .map_err(failed)
    }

    fn confirm(&mut self, prompt: &str) -> Result<bool, PromptError> {
        let answer = Confirm::with_theme(self.theme())
            .with_prompt(prompt)
            .default(false)
            .interact_opt()
            .map_err(failed)?;
        Ok(answer == Some(true))
    }
}

/// A prompt that could not finish, after giving the cursor back (Select and Confirm hide it
/// while they run).
fn failed(error: dialoguer::Error) -> PromptError {
    let _ = Term::stderr().show_cursor();
    let dialoguer::Error::IO(io) = error;
    match io.kind() {
        ErrorKind::Interrupted => PromptError::Interrupted,
        _ => PromptError::Terminal(io),
    }
}

/// `text` wrapped to the width of the terminal on stderr.
fn fit_to_terminal(text: &str) -> String {
    wrap_to_width(text, usize::from(Term::stderr().size().1))
}

/// Breaks `text` at spaces so no line is wider than `width` columns (the first line also
/// leaves room for the theme's `error: ` mark). The prompt clears what it printed by counting
/// lines, so a line the terminal wraps by itself would be left behind on the screen.
pub fn wrap_to_width(text: &str, width: usize) -> String {
    const MARK: usize = 8;
    let mut out = String::with_capacity(text.len() + 8);
    let mut room = width.saturating_sub(MARK).max(20);
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
            room = width.saturating_sub(1).max(20);
        }
        let mut used = 0;
        for word in line.split(' ') {
            let len = word.chars().count();
            if used > 0 && used + 1 + len > room {
                out.push('\n');
                used = 0;
                room = width.saturating_sub(1).max(20);
            } else if used > 0 {
                out.push(' ');
                used += 1;
            }
            out.push_str(word);
            used += len;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wizard_wraps_refusals_to_the_terminal_width() {
        let text = "telephone number 800-555-0100 is toll-free; toll-free numbers do not port by LSR\nremove it; toll-free numbers move through their RespOrg";
        let wrapped = wrap_to_width(text, 40);
        for line in wrapped.lines() {
            assert!(line.chars().count() <= 39, "{line:?}");
        }
        assert_eq!(wrapped.replace('\n', " "), text.replace('\n', " "));
        assert_eq!(wrap_to_width("short", 120), "short");
    }
}
