
use builtin;
use str;

set edit:completion:arg-completer[lsr] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'lsr'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'lsr'= {
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand submit 'Submit a new port-out LSR'
            cand supp 'Supplement an open order: move the requested FOC date or correct the end user''s details'
            cand cancel 'Cancel one or more open orders'
            cand resubmit 'Place a new order from an existing one, cancelling it first if it is still open'
            cand search 'Search orders by PON, TN, status, customer order id or creation date'
            cand status 'Show an order''s status, FOC date, window, errors explained and next steps'
            cand history 'Show the backend''s history of an order: every event with its time, the status after it, the backend''s note, who did it and what changed (`Field : old --> new`), oldest first'
            cand notes 'List an order''s notes, or add one with `add TEXT`'
            cand validate 'Check an order offline: every problem at once, with Bandwidth''s codes; sends nothing'
            cand explain 'Explain a Bandwidth code or an FAQ topic in plain words, with what to do next'
            cand foc-window 'Show the 10 business days a FOC date is valid for (day 1 = the FOC date)'
            cand batch 'List, inspect and resume split submissions'
            cand watch 'Watch orders live until each reaches a final state'
            cand email 'Print a ready-to-send email draft (To, Subject, body) to Bandwidth''s port-out desk'
            cand auth 'Sign in to Bandwidth with OAuth2 client credentials, show the sign-in, sign out'
            cand config 'Create, show and change the configuration'
            cand sandbox 'Run and control the local porting backend'
            cand completions 'Print a completion script for SHELL'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lsr;submit'= {
            cand --from 'Read the order from FILE (TOML or JSON)'
            cand --pon 'Purchase Order Number: 1–25 letters, digits, #, - or _'
            cand --customer-order-id 'Your own reference for the order (letters, digits, spaces, dashes; at most 40)'
            cand --requested-foc-date 'Requested port date: YYYY-MM-DD, MM/DD/YYYY, or +Nbd for N business days from today'
            cand --foc 'Requested port date: YYYY-MM-DD, MM/DD/YYYY, or +Nbd for N business days from today'
            cand --spid 'NPAC SPID of the winning carrier (4 letters or digits)'
            cand --btn 'Billing telephone number at the losing carrier'
            cand --auth-person 'Person authorising the port'
            cand --subscriber-type 'End-user type'
            cand --business-name 'Business name (business subscribers; at most 25 characters)'
            cand --first-name 'First name (residential subscribers)'
            cand --middle-initial 'Middle initial (residential subscribers)'
            cand --last-name 'Last name (required for residential subscribers)'
            cand --account-number 'Account number at the losing carrier'
            cand --pin 'The end user''s port-out PIN (passcode)'
            cand --house-number 'Service address: house number'
            cand --street 'Service address: street name'
            cand --city 'Service address: city'
            cand --state 'Service address: two-letter state code'
            cand --zip 'Service address: ZIP code (12345 or 12345-6789)'
            cand --address-line2 'Service address: second line (suite, unit)'
            cand --tn 'A telephone number to port (repeatable; any common format)'
            cand --tn-file 'Read telephone numbers from FILE (`-` for stdin): one a line with `#` comments, or CSV with a `tn` column'
            cand --split 'Split into several orders: `per-tn` (one TN each) or N (at most N TNs each, N ≤ 999)'
            cand --concurrency 'How many orders of a split to send at once'
            cand --wait 'Wait until the order has a FOC date (`foc`) or reaches a final status (`final`)'
            cand --timeout 'Give up waiting after this long (e.g. 90s, 10m, 2h)'
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --dry-run 'Check and print what would be sent; send nothing'
            cand --force 'Send even when the pre-submission checks find errors'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lsr;supp'= {
            cand --pon 'Purchase Order Number: 1–25 letters, digits, #, - or _'
            cand --customer-order-id 'Your own reference for the order (letters, digits, spaces, dashes; at most 40)'
            cand --requested-foc-date 'Requested port date: YYYY-MM-DD, MM/DD/YYYY, or +Nbd for N business days from today'
            cand --foc 'Requested port date: YYYY-MM-DD, MM/DD/YYYY, or +Nbd for N business days from today'
            cand --spid 'NPAC SPID of the winning carrier (4 letters or digits)'
            cand --btn 'Billing telephone number at the losing carrier'
            cand --auth-person 'Person authorising the port'
            cand --subscriber-type 'End-user type'
            cand --business-name 'Business name (business subscribers; at most 25 characters)'
            cand --first-name 'First name (residential subscribers)'
            cand --middle-initial 'Middle initial (residential subscribers)'
            cand --last-name 'Last name (required for residential subscribers)'
            cand --account-number 'Account number at the losing carrier'
            cand --pin 'The end user''s port-out PIN (passcode)'
            cand --house-number 'Service address: house number'
            cand --street 'Service address: street name'
            cand --city 'Service address: city'
            cand --state 'Service address: two-letter state code'
            cand --zip 'Service address: ZIP code (12345 or 12345-6789)'
            cand --address-line2 'Service address: second line (suite, unit)'
            cand --wait 'Wait until the order has a FOC date (`foc`) or reaches a final status (`final`)'
            cand --timeout 'Give up waiting after this long (e.g. 90s, 10m, 2h)'
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lsr;cancel'= {
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --dry-run 'Show what would be cancelled; change nothing and ask nothing'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lsr;resubmit'= {
            cand --pon 'Purchase Order Number: 1–25 letters, digits, #, - or _'
            cand --customer-order-id 'Your own reference for the order (letters, digits, spaces, dashes; at most 40)'
            cand --requested-foc-date 'Requested port date: YYYY-MM-DD, MM/DD/YYYY, or +Nbd for N business days from today'
            cand --foc 'Requested port date: YYYY-MM-DD, MM/DD/YYYY, or +Nbd for N business days from today'
            cand --spid 'NPAC SPID of the winning carrier (4 letters or digits)'
            cand --btn 'Billing telephone number at the losing carrier'
            cand --auth-person 'Person authorising the port'
            cand --subscriber-type 'End-user type'
            cand --business-name 'Business name (business subscribers; at most 25 characters)'
            cand --first-name 'First name (residential subscribers)'
            cand --middle-initial 'Middle initial (residential subscribers)'
            cand --last-name 'Last name (required for residential subscribers)'
            cand --account-number 'Account number at the losing carrier'
            cand --pin 'The end user''s port-out PIN (passcode)'
            cand --house-number 'Service address: house number'
            cand --street 'Service address: street name'
            cand --city 'Service address: city'
            cand --state 'Service address: two-letter state code'
            cand --zip 'Service address: ZIP code (12345 or 12345-6789)'
            cand --address-line2 'Service address: second line (suite, unit)'
            cand --remove-tn 'Leave this TN out of the new order (repeatable; any common format). It must be on the old order'
            cand --split 'Split the new order: `per-tn` or N (at most N TNs each)'
            cand --concurrency 'How many orders of a split to send at once'
            cand --wait 'Wait until the new order has a FOC date (`foc`) or reaches a final status (`final`)'
            cand --timeout 'Give up waiting after this long (e.g. 90s, 10m, 2h)'
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --dry-run 'Print what would be cancelled and sent; change nothing'
            cand --force 'Send even when the pre-submission checks find errors'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lsr;search'= {
            cand --pon 'Orders with this PON (all versions)'
            cand --tn 'Orders containing this telephone number (any common format)'
            cand --status 'Orders in this status (repeatable): PENDING, FOC, EXCEPTION, COMPLETE, PARTIAL, CANCELLED or FAILED'
            cand --customer-order-id 'Orders with this customer order id'
            cand --created-from 'Created on or after this date (YYYY-MM-DD)'
            cand --created-to 'Created on or before this date (YYYY-MM-DD)'
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --local 'Search the local history store only (no network; works when the backend is down)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lsr;status'= {
            cand --wait 'Poll until the order has a FOC date (`foc`) or reaches a final status (`final`)'
            cand --timeout 'Give up waiting after this long (exit 8), e.g. 90s, 10m, 2h'
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lsr;history'= {
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lsr;notes'= {
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lsr;validate'= {
            cand --from 'Read the order from FILE (TOML or JSON)'
            cand --pon 'Purchase Order Number: 1–25 letters, digits, #, - or _'
            cand --customer-order-id 'Your own reference for the order (letters, digits, spaces, dashes; at most 40)'
            cand --requested-foc-date 'Requested port date: YYYY-MM-DD, MM/DD/YYYY, or +Nbd for N business days from today'
            cand --foc 'Requested port date: YYYY-MM-DD, MM/DD/YYYY, or +Nbd for N business days from today'
            cand --spid 'NPAC SPID of the winning carrier (4 letters or digits)'
            cand --btn 'Billing telephone number at the losing carrier'
            cand --auth-person 'Person authorising the port'
            cand --subscriber-type 'End-user type'
            cand --business-name 'Business name (business subscribers; at most 25 characters)'
            cand --first-name 'First name (residential subscribers)'
            cand --middle-initial 'Middle initial (residential subscribers)'
            cand --last-name 'Last name (required for residential subscribers)'
            cand --account-number 'Account number at the losing carrier'
            cand --pin 'The end user''s port-out PIN (passcode)'
            cand --house-number 'Service address: house number'
            cand --street 'Service address: street name'
            cand --city 'Service address: city'
            cand --state 'Service address: two-letter state code'
            cand --zip 'Service address: ZIP code (12345 or 12345-6789)'
            cand --address-line2 'Service address: second line (suite, unit)'
            cand --tn 'A telephone number to port (repeatable; any common format)'
            cand --tn-file 'Read telephone numbers from FILE (`-` for stdin): one a line with `#` comments, or CSV with a `tn` column'
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lsr;explain'= {
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lsr;foc-window'= {
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lsr;batch'= {
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List batches, newest first'
            cand show 'Show every child of a batch and its outcome'
            cand resume 'Finish an interrupted batch without sending any child twice'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lsr;batch;list'= {
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lsr;batch;show'= {
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lsr;batch;resume'= {
            cand --concurrency 'How many children to send at once'
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lsr;batch;help'= {
            cand list 'List batches, newest first'
            cand show 'Show every child of a batch and its outcome'
            cand resume 'Finish an interrupted batch without sending any child twice'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lsr;batch;help;list'= {
        }
        &'lsr;batch;help;show'= {
        }
        &'lsr;batch;help;resume'= {
        }
        &'lsr;batch;help;help'= {
        }
        &'lsr;watch'= {
            cand --pon 'Watch every version of this PON'
            cand --interval 'Seconds between polls'
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lsr;email'= {
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lsr;auth'= {
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand login 'Check OAuth2 client credentials and save them in the profile (secret in the keychain)'
            cand status 'Show the profile''s sign-in: environment, URLs, client id, accounts, roles, token expiry and where the secret lives. Exit 6 when no token can be had'
            cand logout 'Remove the profile''s client secret (keychain and config file) and its cached tokens'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lsr;auth;login'= {
            cand --client-id 'The OAuth2 client id (default: LSR_CLIENT_ID or the profile''s; asked on a terminal)'
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lsr;auth;status'= {
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lsr;auth;logout'= {
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lsr;auth;help'= {
            cand login 'Check OAuth2 client credentials and save them in the profile (secret in the keychain)'
            cand status 'Show the profile''s sign-in: environment, URLs, client id, accounts, roles, token expiry and where the secret lives. Exit 6 when no token can be had'
            cand logout 'Remove the profile''s client secret (keychain and config file) and its cached tokens'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lsr;auth;help;login'= {
        }
        &'lsr;auth;help;status'= {
        }
        &'lsr;auth;help;logout'= {
        }
        &'lsr;auth;help;help'= {
        }
        &'lsr;config'= {
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Write a starting config.toml (mode 0600) with Bandwidth production and test profiles'
            cand show 'Show the resolved configuration, where each value came from, secrets redacted'
            cand set 'Set a value in the current profile (--profile), or a top-level key'
            cand path 'Print the config directory and the files lsr keeps in it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lsr;config;init'= {
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --force 'Overwrite an existing file'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lsr;config;show'= {
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lsr;config;set'= {
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lsr;config;path'= {
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lsr;config;help'= {
            cand init 'Write a starting config.toml (mode 0600) with Bandwidth production and test profiles'
            cand show 'Show the resolved configuration, where each value came from, secrets redacted'
            cand set 'Set a value in the current profile (--profile), or a top-level key'
            cand path 'Print the config directory and the files lsr keeps in it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lsr;config;help;init'= {
        }
        &'lsr;config;help;show'= {
        }
        &'lsr;config;help;set'= {
        }
        &'lsr;config;help;path'= {
        }
        &'lsr;config;help;help'= {
        }
        &'lsr;sandbox'= {
            cand --url 'A running sandbox to control (default: the embedded store under the config dir)'
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand serve 'Run the sandbox HTTP server'
            cand clock 'Show or move the sandbox clock'
            cand npac 'Simulate the NPAC side of a port'
            cand inventory 'Show the TN-line behaviour table, or add TNs with explicit behaviour'
            cand faults 'Inject latency, errors and dropped connections'
            cand reset 'Delete every order and restore the demo accounts'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lsr;sandbox;serve'= {
            cand --listen 'Address to listen on (loopback unless told otherwise)'
            cand --data 'Directory for the SQLite store (default: under the config dir)'
            cand --processing-delay 'Seconds between a POST and processing of the order'
            cand --url 'A running sandbox to control (default: the embedded store under the config dir)'
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lsr;sandbox;clock'= {
            cand --url 'A running sandbox to control (default: the embedded store under the config dir)'
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'Print the sandbox time'
            cand set 'Set the sandbox time (RFC 3339 or YYYY-MM-DD)'
            cand advance 'Move the sandbox time forward (e.g. 6h, 2d, 90m)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lsr;sandbox;clock;show'= {
            cand --url 'A running sandbox to control (default: the embedded store under the config dir)'
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lsr;sandbox;clock;set'= {
            cand --url 'A running sandbox to control (default: the embedded store under the config dir)'
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lsr;sandbox;clock;advance'= {
            cand --url 'A running sandbox to control (default: the embedded store under the config dir)'
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lsr;sandbox;clock;help'= {
            cand show 'Print the sandbox time'
            cand set 'Set the sandbox time (RFC 3339 or YYYY-MM-DD)'
            cand advance 'Move the sandbox time forward (e.g. 6h, 2d, 90m)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lsr;sandbox;clock;help;show'= {
        }
        &'lsr;sandbox;clock;help;set'= {
        }
        &'lsr;sandbox;clock;help;advance'= {
        }
        &'lsr;sandbox;clock;help;help'= {
        }
        &'lsr;sandbox;npac'= {
            cand --url 'A running sandbox to control (default: the embedded store under the config dir)'
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand subscribe 'Record the gaining carrier''s subscriptions for an order''s TNs'
            cand activate 'Activate the subscriptions (from the FOC date, once concurred, inside the window)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lsr;sandbox;npac;subscribe'= {
            cand --url 'A running sandbox to control (default: the embedded store under the config dir)'
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --medium-timers 'The gaining carrier supports medium timers: concurrence 6 hours later (R2)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lsr;sandbox;npac;activate'= {
            cand --url 'A running sandbox to control (default: the embedded store under the config dir)'
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lsr;sandbox;npac;help'= {
            cand subscribe 'Record the gaining carrier''s subscriptions for an order''s TNs'
            cand activate 'Activate the subscriptions (from the FOC date, once concurred, inside the window)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lsr;sandbox;npac;help;subscribe'= {
        }
        &'lsr;sandbox;npac;help;activate'= {
        }
        &'lsr;sandbox;npac;help;help'= {
        }
        &'lsr;sandbox;inventory'= {
            cand --url 'A running sandbox to control (default: the embedded store under the config dir)'
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Give a TN an explicit behaviour, overriding its line rule'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lsr;sandbox;inventory;add'= {
            cand --behaviour 'One of: foc, not-ours, disconnected, one-tn-only, pin, manual, other-carrier'
            cand --pin 'The port-out PIN for `pin` behaviour'
            cand --url 'A running sandbox to control (default: the embedded store under the config dir)'
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lsr;sandbox;inventory;help'= {
            cand add 'Give a TN an explicit behaviour, overriding its line rule'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lsr;sandbox;inventory;help;add'= {
        }
        &'lsr;sandbox;inventory;help;help'= {
        }
        &'lsr;sandbox;faults'= {
            cand --url 'A running sandbox to control (default: the embedded store under the config dir)'
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand set 'Set faults'
            cand clear 'Remove every fault'
            cand show 'Print the current faults'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lsr;sandbox;faults;set'= {
            cand --latency-ms 'Added latency per request, in milliseconds'
            cand --error-rate 'Share of requests answered 503 (0.0–1.0)'
            cand --drop-after-commit 'Share of order creations stored and then dropped before the answer (0.0–1.0)'
            cand --url 'A running sandbox to control (default: the embedded store under the config dir)'
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lsr;sandbox;faults;clear'= {
            cand --url 'A running sandbox to control (default: the embedded store under the config dir)'
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lsr;sandbox;faults;show'= {
            cand --url 'A running sandbox to control (default: the embedded store under the config dir)'
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lsr;sandbox;faults;help'= {
            cand set 'Set faults'
            cand clear 'Remove every fault'
            cand show 'Print the current faults'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lsr;sandbox;faults;help;set'= {
        }
        &'lsr;sandbox;faults;help;clear'= {
        }
        &'lsr;sandbox;faults;help;show'= {
        }
        &'lsr;sandbox;faults;help;help'= {
        }
        &'lsr;sandbox;reset'= {
            cand --url 'A running sandbox to control (default: the embedded store under the config dir)'
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lsr;sandbox;help'= {
            cand serve 'Run the sandbox HTTP server'
            cand clock 'Show or move the sandbox clock'
            cand npac 'Simulate the NPAC side of a port'
            cand inventory 'Show the TN-line behaviour table, or add TNs with explicit behaviour'
            cand faults 'Inject latency, errors and dropped connections'
            cand reset 'Delete every order and restore the demo accounts'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lsr;sandbox;help;serve'= {
        }
        &'lsr;sandbox;help;clock'= {
            cand show 'Print the sandbox time'
            cand set 'Set the sandbox time (RFC 3339 or YYYY-MM-DD)'
            cand advance 'Move the sandbox time forward (e.g. 6h, 2d, 90m)'
        }
        &'lsr;sandbox;help;clock;show'= {
        }
        &'lsr;sandbox;help;clock;set'= {
        }
        &'lsr;sandbox;help;clock;advance'= {
        }
        &'lsr;sandbox;help;npac'= {
            cand subscribe 'Record the gaining carrier''s subscriptions for an order''s TNs'
            cand activate 'Activate the subscriptions (from the FOC date, once concurred, inside the window)'
        }
        &'lsr;sandbox;help;npac;subscribe'= {
        }
        &'lsr;sandbox;help;npac;activate'= {
        }
        &'lsr;sandbox;help;inventory'= {
            cand add 'Give a TN an explicit behaviour, overriding its line rule'
        }
        &'lsr;sandbox;help;inventory;add'= {
        }
        &'lsr;sandbox;help;faults'= {
            cand set 'Set faults'
            cand clear 'Remove every fault'
            cand show 'Print the current faults'
        }
        &'lsr;sandbox;help;faults;set'= {
        }
        &'lsr;sandbox;help;faults;clear'= {
        }
        &'lsr;sandbox;help;faults;show'= {
        }
        &'lsr;sandbox;help;reset'= {
        }
        &'lsr;sandbox;help;help'= {
        }
        &'lsr;completions'= {
            cand --profile 'Configuration profile to use'
            cand --base-url 'Backend base URL (https required except on loopback)'
            cand --account-id 'Bandwidth account id'
            cand --client-secret-file 'Read the OAuth2 client secret from FILE (`-`: stdin)'
            cand -o 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --output 'Output format: tables on a terminal, TSV without headers when piped, or JSON'
            cand --color 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)'
            cand --sandbox 'Use the embedded sandbox backend'
            cand --json 'Print machine-readable JSON on stdout (same as --output json)'
            cand -q 'Print less: no notes or hints on stderr'
            cand --quiet 'Print less: no notes or hints on stderr'
            cand -v 'Print more detail (secrets are always redacted)'
            cand --verbose 'Print more detail (secrets are always redacted)'
            cand -y 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
            cand --no-input 'Never prompt; missing input is an error'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lsr;help'= {
            cand submit 'Submit a new port-out LSR'
            cand supp 'Supplement an open order: move the requested FOC date or correct the end user''s details'
            cand cancel 'Cancel one or more open orders'
            cand resubmit 'Place a new order from an existing one, cancelling it first if it is still open'
            cand search 'Search orders by PON, TN, status, customer order id or creation date'
            cand status 'Show an order''s status, FOC date, window, errors explained and next steps'
            cand history 'Show the backend''s history of an order: every event with its time, the status after it, the backend''s note, who did it and what changed (`Field : old --> new`), oldest first'
            cand notes 'List an order''s notes, or add one with `add TEXT`'
            cand validate 'Check an order offline: every problem at once, with Bandwidth''s codes; sends nothing'
            cand explain 'Explain a Bandwidth code or an FAQ topic in plain words, with what to do next'
            cand foc-window 'Show the 10 business days a FOC date is valid for (day 1 = the FOC date)'
            cand batch 'List, inspect and resume split submissions'
            cand watch 'Watch orders live until each reaches a final state'
            cand email 'Print a ready-to-send email draft (To, Subject, body) to Bandwidth''s port-out desk'
            cand auth 'Sign in to Bandwidth with OAuth2 client credentials, show the sign-in, sign out'
            cand config 'Create, show and change the configuration'
            cand sandbox 'Run and control the local porting backend'
            cand completions 'Print a completion script for SHELL'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lsr;help;submit'= {
        }
        &'lsr;help;supp'= {
        }
        &'lsr;help;cancel'= {
        }
        &'lsr;help;resubmit'= {
        }
        &'lsr;help;search'= {
        }
        &'lsr;help;status'= {
        }
        &'lsr;help;history'= {
        }
        &'lsr;help;notes'= {
        }
        &'lsr;help;validate'= {
        }
        &'lsr;help;explain'= {
        }
        &'lsr;help;foc-window'= {
        }
        &'lsr;help;batch'= {
            cand list 'List batches, newest first'
            cand show 'Show every child of a batch and its outcome'
            cand resume 'Finish an interrupted batch without sending any child twice'
        }
        &'lsr;help;batch;list'= {
        }
        &'lsr;help;batch;show'= {
        }
        &'lsr;help;batch;resume'= {
        }
        &'lsr;help;watch'= {
        }
        &'lsr;help;email'= {
        }
        &'lsr;help;auth'= {
            cand login 'Check OAuth2 client credentials and save them in the profile (secret in the keychain)'
            cand status 'Show the profile''s sign-in: environment, URLs, client id, accounts, roles, token expiry and where the secret lives. Exit 6 when no token can be had'
            cand logout 'Remove the profile''s client secret (keychain and config file) and its cached tokens'
        }
        &'lsr;help;auth;login'= {
        }
        &'lsr;help;auth;status'= {
        }
        &'lsr;help;auth;logout'= {
        }
        &'lsr;help;config'= {
            cand init 'Write a starting config.toml (mode 0600) with Bandwidth production and test profiles'
            cand show 'Show the resolved configuration, where each value came from, secrets redacted'
            cand set 'Set a value in the current profile (--profile), or a top-level key'
            cand path 'Print the config directory and the files lsr keeps in it'
        }
        &'lsr;help;config;init'= {
        }
        &'lsr;help;config;show'= {
        }
        &'lsr;help;config;set'= {
        }
        &'lsr;help;config;path'= {
        }
        &'lsr;help;sandbox'= {
            cand serve 'Run the sandbox HTTP server'
            cand clock 'Show or move the sandbox clock'
            cand npac 'Simulate the NPAC side of a port'
            cand inventory 'Show the TN-line behaviour table, or add TNs with explicit behaviour'
            cand faults 'Inject latency, errors and dropped connections'
            cand reset 'Delete every order and restore the demo accounts'
        }
        &'lsr;help;sandbox;serve'= {
        }
        &'lsr;help;sandbox;clock'= {
            cand show 'Print the sandbox time'
            cand set 'Set the sandbox time (RFC 3339 or YYYY-MM-DD)'
            cand advance 'Move the sandbox time forward (e.g. 6h, 2d, 90m)'
        }
        &'lsr;help;sandbox;clock;show'= {
        }
        &'lsr;help;sandbox;clock;set'= {
        }
        &'lsr;help;sandbox;clock;advance'= {
        }
        &'lsr;help;sandbox;npac'= {
            cand subscribe 'Record the gaining carrier''s subscriptions for an order''s TNs'
            cand activate 'Activate the subscriptions (from the FOC date, once concurred, inside the window)'
        }
        &'lsr;help;sandbox;npac;subscribe'= {
        }
        &'lsr;help;sandbox;npac;activate'= {
        }
        &'lsr;help;sandbox;inventory'= {
            cand add 'Give a TN an explicit behaviour, overriding its line rule'
        }
        &'lsr;help;sandbox;inventory;add'= {
        }
        &'lsr;help;sandbox;faults'= {
            cand set 'Set faults'
            cand clear 'Remove every fault'
            cand show 'Print the current faults'
        }
        &'lsr;help;sandbox;faults;set'= {
        }
        &'lsr;help;sandbox;faults;clear'= {
        }
        &'lsr;help;sandbox;faults;show'= {
        }
        &'lsr;help;sandbox;reset'= {
        }
        &'lsr;help;completions'= {
        }
        &'lsr;help;help'= {
        }
    ]
    $completions[$command]
}
