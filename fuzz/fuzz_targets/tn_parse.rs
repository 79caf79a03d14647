//! Fuzzes `Tn::parse`: never panics, and whatever it accepts is a valid NANP number that
//! round-trips through every form it can be written in.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lsr::model::Tn;

fuzz_target!(|text: &str| {
    let Ok(tn) = Tn::parse(text) else {
        return;
    };
    let digits = tn.digits();
    assert_eq!(digits.len(), 10, "{text:?} gave {digits}");
    assert!(digits.bytes().all(|b| b.is_ascii_digit()));
    // Every written form parses back to the same number.
    for form in [digits.clone(), tn.e164(), tn.dashed(), tn.to_string()] {
        assert_eq!(Tn::parse(&form), Ok(tn), "{text:?} wrote {form:?}");
    }
    // The parts agree with the digits, and NANP's rules hold: NPA and NXX start with 2-9 and
    // neither is an N11 code.
    assert_eq!(
        format!("{:03}{:03}{:04}", tn.npa(), tn.nxx(), tn.line()),
        digits
    );
    assert_eq!(tn.as_u64().to_string().len(), 10);
    let npa = digits.as_bytes();
    assert!(npa[0] >= b'2' && npa[3] >= b'2', "{text:?} gave {digits}");
    assert!(
        !(npa[1] == b'1' && npa[2] == b'1'),
        "{text:?} gave N11 NPA {digits}"
    );
    assert!(
        !(npa[4] == b'1' && npa[5] == b'1'),
        "{text:?} gave N11 NXX {digits}"
    );
    // The number came from the input: its digits, less a leading country code 1, are the
    // input's digits, and nothing else but separators was there.
    let input_digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let national = match input_digits.len() {
        11 => input_digits.strip_prefix('1').unwrap_or(&input_digits),
        _ => input_digits.as_str(),
    };
    assert_eq!(national, digits, "{text:?}");
    assert!(
        text.trim()
            .chars()
            .enumerate()
            .all(|(i, c)| c.is_ascii_digit() || " .-()\t".contains(c) || (c == '+' && i == 0)),
        "{text:?} was accepted with a stray character"
    );
});
