
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'lsr' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'lsr'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'lsr' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('submit', 'submit', [CompletionResultType]::ParameterValue, 'Submit a new port-out LSR')
            [CompletionResult]::new('supp', 'supp', [CompletionResultType]::ParameterValue, 'Supplement an open order: move the requested FOC date or correct the end user''s details')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel one or more open orders')
            [CompletionResult]::new('resubmit', 'resubmit', [CompletionResultType]::ParameterValue, 'Place a new order from an existing one, cancelling it first if it is still open')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search orders by PON, TN, status, customer order id or creation date')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show an order''s status, FOC date, window, errors explained and next steps')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show the backend''s history of an order: every event with its time, the status after it, the backend''s note, who did it and what changed (`Field : old --> new`), oldest first')
            [CompletionResult]::new('notes', 'notes', [CompletionResultType]::ParameterValue, 'List an order''s notes, or add one with `add TEXT`')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check an order offline: every problem at once, with Bandwidth''s codes; sends nothing')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Explain a Bandwidth code or an FAQ topic in plain words, with what to do next')
            [CompletionResult]::new('foc-window', 'foc-window', [CompletionResultType]::ParameterValue, 'Show the 10 business days a FOC date is valid for (day 1 = the FOC date)')
            [CompletionResult]::new('batch', 'batch', [CompletionResultType]::ParameterValue, 'List, inspect and resume split submissions')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Watch orders live until each reaches a final state')
            [CompletionResult]::new('email', 'email', [CompletionResultType]::ParameterValue, 'Print a ready-to-send email draft (To, Subject, body) to Bandwidth''s port-out desk')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Sign in to Bandwidth with OAuth2 client credentials, show the sign-in, sign out')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Create, show and change the configuration')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run and control the local porting backend')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a completion script for SHELL')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lsr;submit' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Read the order from FILE (TOML or JSON)')
            [CompletionResult]::new('--pon', '--pon', [CompletionResultType]::ParameterName, 'Purchase Order Number: 1–25 letters, digits, #, - or _')
            [CompletionResult]::new('--customer-order-id', '--customer-order-id', [CompletionResultType]::ParameterName, 'Your own reference for the order (letters, digits, spaces, dashes; at most 40)')
            [CompletionResult]::new('--requested-foc-date', '--requested-foc-date', [CompletionResultType]::ParameterName, 'Requested port date: YYYY-MM-DD, MM/DD/YYYY, or +Nbd for N business days from today')
            [CompletionResult]::new('--foc', '--foc', [CompletionResultType]::ParameterName, 'Requested port date: YYYY-MM-DD, MM/DD/YYYY, or +Nbd for N business days from today')
            [CompletionResult]::new('--spid', '--spid', [CompletionResultType]::ParameterName, 'NPAC SPID of the winning carrier (4 letters or digits)')
            [CompletionResult]::new('--btn', '--btn', [CompletionResultType]::ParameterName, 'Billing telephone number at the losing carrier')
            [CompletionResult]::new('--auth-person', '--auth-person', [CompletionResultType]::ParameterName, 'Person authorising the port')
            [CompletionResult]::new('--subscriber-type', '--subscriber-type', [CompletionResultType]::ParameterName, 'End-user type')
            [CompletionResult]::new('--business-name', '--business-name', [CompletionResultType]::ParameterName, 'Business name (business subscribers; at most 25 characters)')
            [CompletionResult]::new('--first-name', '--first-name', [CompletionResultType]::ParameterName, 'First name (residential subscribers)')
            [CompletionResult]::new('--middle-initial', '--middle-initial', [CompletionResultType]::ParameterName, 'Middle initial (residential subscribers)')
            [CompletionResult]::new('--last-name', '--last-name', [CompletionResultType]::ParameterName, 'Last name (required for residential subscribers)')
            [CompletionResult]::new('--account-number', '--account-number', [CompletionResultType]::ParameterName, 'Account number at the losing carrier')
            [CompletionResult]::new('--pin', '--pin', [CompletionResultType]::ParameterName, 'The end user''s port-out PIN (passcode)')
            [CompletionResult]::new('--house-number', '--house-number', [CompletionResultType]::ParameterName, 'Service address: house number')
            [CompletionResult]::new('--street', '--street', [CompletionResultType]::ParameterName, 'Service address: street name')
            [CompletionResult]::new('--city', '--city', [CompletionResultType]::ParameterName, 'Service address: city')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Service address: two-letter state code')
            [CompletionResult]::new('--zip', '--zip', [CompletionResultType]::ParameterName, 'Service address: ZIP code (12345 or 12345-6789)')
            [CompletionResult]::new('--address-line2', '--address-line2', [CompletionResultType]::ParameterName, 'Service address: second line (suite, unit)')
            [CompletionResult]::new('--tn', '--tn', [CompletionResultType]::ParameterName, 'A telephone number to port (repeatable; any common format)')
            [CompletionResult]::new('--tn-file', '--tn-file', [CompletionResultType]::ParameterName, 'Read telephone numbers from FILE (`-` for stdin): one a line with `#` comments, or CSV with a `tn` column')
            [CompletionResult]::new('--split', '--split', [CompletionResultType]::ParameterName, 'Split into several orders: `per-tn` (one TN each) or N (at most N TNs each, N ≤ 999)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many orders of a split to send at once')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait until the order has a FOC date (`foc`) or reaches a final status (`final`)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after this long (e.g. 90s, 10m, 2h)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check and print what would be sent; send nothing')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Send even when the pre-submission checks find errors')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lsr;supp' {
            [CompletionResult]::new('--pon', '--pon', [CompletionResultType]::ParameterName, 'Purchase Order Number: 1–25 letters, digits, #, - or _')
            [CompletionResult]::new('--customer-order-id', '--customer-order-id', [CompletionResultType]::ParameterName, 'Your own reference for the order (letters, digits, spaces, dashes; at most 40)')
            [CompletionResult]::new('--requested-foc-date', '--requested-foc-date', [CompletionResultType]::ParameterName, 'Requested port date: YYYY-MM-DD, MM/DD/YYYY, or +Nbd for N business days from today')
            [CompletionResult]::new('--foc', '--foc', [CompletionResultType]::ParameterName, 'Requested port date: YYYY-MM-DD, MM/DD/YYYY, or +Nbd for N business days from today')
            [CompletionResult]::new('--spid', '--spid', [CompletionResultType]::ParameterName, 'NPAC SPID of the winning carrier (4 letters or digits)')
            [CompletionResult]::new('--btn', '--btn', [CompletionResultType]::ParameterName, 'Billing telephone number at the losing carrier')
            [CompletionResult]::new('--auth-person', '--auth-person', [CompletionResultType]::ParameterName, 'Person authorising the port')
            [CompletionResult]::new('--subscriber-type', '--subscriber-type', [CompletionResultType]::ParameterName, 'End-user type')
            [CompletionResult]::new('--business-name', '--business-name', [CompletionResultType]::ParameterName, 'Business name (business subscribers; at most 25 characters)')
            [CompletionResult]::new('--first-name', '--first-name', [CompletionResultType]::ParameterName, 'First name (residential subscribers)')
            [CompletionResult]::new('--middle-initial', '--middle-initial', [CompletionResultType]::ParameterName, 'Middle initial (residential subscribers)')
            [CompletionResult]::new('--last-name', '--last-name', [CompletionResultType]::ParameterName, 'Last name (required for residential subscribers)')
            [CompletionResult]::new('--account-number', '--account-number', [CompletionResultType]::ParameterName, 'Account number at the losing carrier')
            [CompletionResult]::new('--pin', '--pin', [CompletionResultType]::ParameterName, 'The end user''s port-out PIN (passcode)')
            [CompletionResult]::new('--house-number', '--house-number', [CompletionResultType]::ParameterName, 'Service address: house number')
            [CompletionResult]::new('--street', '--street', [CompletionResultType]::ParameterName, 'Service address: street name')
            [CompletionResult]::new('--city', '--city', [CompletionResultType]::ParameterName, 'Service address: city')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Service address: two-letter state code')
            [CompletionResult]::new('--zip', '--zip', [CompletionResultType]::ParameterName, 'Service address: ZIP code (12345 or 12345-6789)')
            [CompletionResult]::new('--address-line2', '--address-line2', [CompletionResultType]::ParameterName, 'Service address: second line (suite, unit)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait until the order has a FOC date (`foc`) or reaches a final status (`final`)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after this long (e.g. 90s, 10m, 2h)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lsr;cancel' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be cancelled; change nothing and ask nothing')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lsr;resubmit' {
            [CompletionResult]::new('--pon', '--pon', [CompletionResultType]::ParameterName, 'Purchase Order Number: 1–25 letters, digits, #, - or _')
            [CompletionResult]::new('--customer-order-id', '--customer-order-id', [CompletionResultType]::ParameterName, 'Your own reference for the order (letters, digits, spaces, dashes; at most 40)')
            [CompletionResult]::new('--requested-foc-date', '--requested-foc-date', [CompletionResultType]::ParameterName, 'Requested port date: YYYY-MM-DD, MM/DD/YYYY, or +Nbd for N business days from today')
            [CompletionResult]::new('--foc', '--foc', [CompletionResultType]::ParameterName, 'Requested port date: YYYY-MM-DD, MM/DD/YYYY, or +Nbd for N business days from today')
            [CompletionResult]::new('--spid', '--spid', [CompletionResultType]::ParameterName, 'NPAC SPID of the winning carrier (4 letters or digits)')
            [CompletionResult]::new('--btn', '--btn', [CompletionResultType]::ParameterName, 'Billing telephone number at the losing carrier')
            [CompletionResult]::new('--auth-person', '--auth-person', [CompletionResultType]::ParameterName, 'Person authorising the port')
            [CompletionResult]::new('--subscriber-type', '--subscriber-type', [CompletionResultType]::ParameterName, 'End-user type')
            [CompletionResult]::new('--business-name', '--business-name', [CompletionResultType]::ParameterName, 'Business name (business subscribers; at most 25 characters)')
            [CompletionResult]::new('--first-name', '--first-name', [CompletionResultType]::ParameterName, 'First name (residential subscribers)')
            [CompletionResult]::new('--middle-initial', '--middle-initial', [CompletionResultType]::ParameterName, 'Middle initial (residential subscribers)')
            [CompletionResult]::new('--last-name', '--last-name', [CompletionResultType]::ParameterName, 'Last name (required for residential subscribers)')
            [CompletionResult]::new('--account-number', '--account-number', [CompletionResultType]::ParameterName, 'Account number at the losing carrier')
            [CompletionResult]::new('--pin', '--pin', [CompletionResultType]::ParameterName, 'The end user''s port-out PIN (passcode)')
            [CompletionResult]::new('--house-number', '--house-number', [CompletionResultType]::ParameterName, 'Service address: house number')
            [CompletionResult]::new('--street', '--street', [CompletionResultType]::ParameterName, 'Service address: street name')
            [CompletionResult]::new('--city', '--city', [CompletionResultType]::ParameterName, 'Service address: city')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Service address: two-letter state code')
            [CompletionResult]::new('--zip', '--zip', [CompletionResultType]::ParameterName, 'Service address: ZIP code (12345 or 12345-6789)')
            [CompletionResult]::new('--address-line2', '--address-line2', [CompletionResultType]::ParameterName, 'Service address: second line (suite, unit)')
            [CompletionResult]::new('--remove-tn', '--remove-tn', [CompletionResultType]::ParameterName, 'Leave this TN out of the new order (repeatable; any common format). It must be on the old order')
            [CompletionResult]::new('--split', '--split', [CompletionResultType]::ParameterName, 'Split the new order: `per-tn` or N (at most N TNs each)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many orders of a split to send at once')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait until the new order has a FOC date (`foc`) or reaches a final status (`final`)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after this long (e.g. 90s, 10m, 2h)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be cancelled and sent; change nothing')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Send even when the pre-submission checks find errors')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lsr;search' {
            [CompletionResult]::new('--pon', '--pon', [CompletionResultType]::ParameterName, 'Orders with this PON (all versions)')
            [CompletionResult]::new('--tn', '--tn', [CompletionResultType]::ParameterName, 'Orders containing this telephone number (any common format)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Orders in this status (repeatable): PENDING, FOC, EXCEPTION, COMPLETE, PARTIAL, CANCELLED or FAILED')
            [CompletionResult]::new('--customer-order-id', '--customer-order-id', [CompletionResultType]::ParameterName, 'Orders with this customer order id')
            [CompletionResult]::new('--created-from', '--created-from', [CompletionResultType]::ParameterName, 'Created on or after this date (YYYY-MM-DD)')
            [CompletionResult]::new('--created-to', '--created-to', [CompletionResultType]::ParameterName, 'Created on or before this date (YYYY-MM-DD)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Search the local history store only (no network; works when the backend is down)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lsr;status' {
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Poll until the order has a FOC date (`foc`) or reaches a final status (`final`)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after this long (exit 8), e.g. 90s, 10m, 2h')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lsr;history' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lsr;notes' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lsr;validate' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Read the order from FILE (TOML or JSON)')
            [CompletionResult]::new('--pon', '--pon', [CompletionResultType]::ParameterName, 'Purchase Order Number: 1–25 letters, digits, #, - or _')
            [CompletionResult]::new('--customer-order-id', '--customer-order-id', [CompletionResultType]::ParameterName, 'Your own reference for the order (letters, digits, spaces, dashes; at most 40)')
            [CompletionResult]::new('--requested-foc-date', '--requested-foc-date', [CompletionResultType]::ParameterName, 'Requested port date: YYYY-MM-DD, MM/DD/YYYY, or +Nbd for N business days from today')
            [CompletionResult]::new('--foc', '--foc', [CompletionResultType]::ParameterName, 'Requested port date: YYYY-MM-DD, MM/DD/YYYY, or +Nbd for N business days from today')
            [CompletionResult]::new('--spid', '--spid', [CompletionResultType]::ParameterName, 'NPAC SPID of the winning carrier (4 letters or digits)')
            [CompletionResult]::new('--btn', '--btn', [CompletionResultType]::ParameterName, 'Billing telephone number at the losing carrier')
            [CompletionResult]::new('--auth-person', '--auth-person', [CompletionResultType]::ParameterName, 'Person authorising the port')
            [CompletionResult]::new('--subscriber-type', '--subscriber-type', [CompletionResultType]::ParameterName, 'End-user type')
            [CompletionResult]::new('--business-name', '--business-name', [CompletionResultType]::ParameterName, 'Business name (business subscribers; at most 25 characters)')
            [CompletionResult]::new('--first-name', '--first-name', [CompletionResultType]::ParameterName, 'First name (residential subscribers)')
            [CompletionResult]::new('--middle-initial', '--middle-initial', [CompletionResultType]::ParameterName, 'Middle initial (residential subscribers)')
            [CompletionResult]::new('--last-name', '--last-name', [CompletionResultType]::ParameterName, 'Last name (required for residential subscribers)')
            [CompletionResult]::new('--account-number', '--account-number', [CompletionResultType]::ParameterName, 'Account number at the losing carrier')
            [CompletionResult]::new('--pin', '--pin', [CompletionResultType]::ParameterName, 'The end user''s port-out PIN (passcode)')
            [CompletionResult]::new('--house-number', '--house-number', [CompletionResultType]::ParameterName, 'Service address: house number')
            [CompletionResult]::new('--street', '--street', [CompletionResultType]::ParameterName, 'Service address: street name')
            [CompletionResult]::new('--city', '--city', [CompletionResultType]::ParameterName, 'Service address: city')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Service address: two-letter state code')
            [CompletionResult]::new('--zip', '--zip', [CompletionResultType]::ParameterName, 'Service address: ZIP code (12345 or 12345-6789)')
            [CompletionResult]::new('--address-line2', '--address-line2', [CompletionResultType]::ParameterName, 'Service address: second line (suite, unit)')
            [CompletionResult]::new('--tn', '--tn', [CompletionResultType]::ParameterName, 'A telephone number to port (repeatable; any common format)')
            [CompletionResult]::new('--tn-file', '--tn-file', [CompletionResultType]::ParameterName, 'Read telephone numbers from FILE (`-` for stdin): one a line with `#` comments, or CSV with a `tn` column')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lsr;explain' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lsr;foc-window' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lsr;batch' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List batches, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show every child of a batch and its outcome')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Finish an interrupted batch without sending any child twice')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lsr;batch;list' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lsr;batch;show' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lsr;batch;resume' {
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many children to send at once')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lsr;batch;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List batches, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show every child of a batch and its outcome')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Finish an interrupted batch without sending any child twice')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lsr;batch;help;list' {
            break
        }
        'lsr;batch;help;show' {
            break
        }
        'lsr;batch;help;resume' {
            break
        }
        'lsr;batch;help;help' {
            break
        }
        'lsr;watch' {
            [CompletionResult]::new('--pon', '--pon', [CompletionResultType]::ParameterName, 'Watch every version of this PON')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Seconds between polls')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lsr;email' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lsr;auth' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Check OAuth2 client credentials and save them in the profile (secret in the keychain)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the profile''s sign-in: environment, URLs, client id, accounts, roles, token expiry and where the secret lives. Exit 6 when no token can be had')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove the profile''s client secret (keychain and config file) and its cached tokens')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lsr;auth;login' {
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'The OAuth2 client id (default: LSR_CLIENT_ID or the profile''s; asked on a terminal)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lsr;auth;status' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lsr;auth;logout' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lsr;auth;help' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Check OAuth2 client credentials and save them in the profile (secret in the keychain)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the profile''s sign-in: environment, URLs, client id, accounts, roles, token expiry and where the secret lives. Exit 6 when no token can be had')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove the profile''s client secret (keychain and config file) and its cached tokens')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lsr;auth;help;login' {
            break
        }
        'lsr;auth;help;status' {
            break
        }
        'lsr;auth;help;logout' {
            break
        }
        'lsr;auth;help;help' {
            break
        }
        'lsr;config' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a starting config.toml (mode 0600) with Bandwidth production and test profiles')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the resolved configuration, where each value came from, secrets redacted')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set a value in the current profile (--profile), or a top-level key')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config directory and the files lsr keeps in it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lsr;config;init' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite an existing file')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lsr;config;show' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lsr;config;set' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lsr;config;path' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lsr;config;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a starting config.toml (mode 0600) with Bandwidth production and test profiles')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the resolved configuration, where each value came from, secrets redacted')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set a value in the current profile (--profile), or a top-level key')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config directory and the files lsr keeps in it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lsr;config;help;init' {
            break
        }
        'lsr;config;help;show' {
            break
        }
        'lsr;config;help;set' {
            break
        }
        'lsr;config;help;path' {
            break
        }
        'lsr;config;help;help' {
            break
        }
        'lsr;sandbox' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'A running sandbox to control (default: the embedded store under the config dir)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the sandbox HTTP server')
            [CompletionResult]::new('clock', 'clock', [CompletionResultType]::ParameterValue, 'Show or move the sandbox clock')
            [CompletionResult]::new('npac', 'npac', [CompletionResultType]::ParameterValue, 'Simulate the NPAC side of a port')
            [CompletionResult]::new('inventory', 'inventory', [CompletionResultType]::ParameterValue, 'Show the TN-line behaviour table, or add TNs with explicit behaviour')
            [CompletionResult]::new('faults', 'faults', [CompletionResultType]::ParameterValue, 'Inject latency, errors and dropped connections')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Delete every order and restore the demo accounts')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lsr;sandbox;serve' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to listen on (loopback unless told otherwise)')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Directory for the SQLite store (default: under the config dir)')
            [CompletionResult]::new('--processing-delay', '--processing-delay', [CompletionResultType]::ParameterName, 'Seconds between a POST and processing of the order')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'A running sandbox to control (default: the embedded store under the config dir)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lsr;sandbox;clock' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'A running sandbox to control (default: the embedded store under the config dir)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the sandbox time')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set the sandbox time (RFC 3339 or YYYY-MM-DD)')
            [CompletionResult]::new('advance', 'advance', [CompletionResultType]::ParameterValue, 'Move the sandbox time forward (e.g. 6h, 2d, 90m)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lsr;sandbox;clock;show' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'A running sandbox to control (default: the embedded store under the config dir)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lsr;sandbox;clock;set' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'A running sandbox to control (default: the embedded store under the config dir)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lsr;sandbox;clock;advance' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'A running sandbox to control (default: the embedded store under the config dir)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lsr;sandbox;clock;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the sandbox time')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set the sandbox time (RFC 3339 or YYYY-MM-DD)')
            [CompletionResult]::new('advance', 'advance', [CompletionResultType]::ParameterValue, 'Move the sandbox time forward (e.g. 6h, 2d, 90m)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lsr;sandbox;clock;help;show' {
            break
        }
        'lsr;sandbox;clock;help;set' {
            break
        }
        'lsr;sandbox;clock;help;advance' {
            break
        }
        'lsr;sandbox;clock;help;help' {
            break
        }
        'lsr;sandbox;npac' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'A running sandbox to control (default: the embedded store under the config dir)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('subscribe', 'subscribe', [CompletionResultType]::ParameterValue, 'Record the gaining carrier''s subscriptions for an order''s TNs')
            [CompletionResult]::new('activate', 'activate', [CompletionResultType]::ParameterValue, 'Activate the subscriptions (from the FOC date, once concurred, inside the window)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lsr;sandbox;npac;subscribe' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'A running sandbox to control (default: the embedded store under the config dir)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--medium-timers', '--medium-timers', [CompletionResultType]::ParameterName, 'The gaining carrier supports medium timers: concurrence 6 hours later (R2)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lsr;sandbox;npac;activate' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'A running sandbox to control (default: the embedded store under the config dir)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lsr;sandbox;npac;help' {
            [CompletionResult]::new('subscribe', 'subscribe', [CompletionResultType]::ParameterValue, 'Record the gaining carrier''s subscriptions for an order''s TNs')
            [CompletionResult]::new('activate', 'activate', [CompletionResultType]::ParameterValue, 'Activate the subscriptions (from the FOC date, once concurred, inside the window)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lsr;sandbox;npac;help;subscribe' {
            break
        }
        'lsr;sandbox;npac;help;activate' {
            break
        }
        'lsr;sandbox;npac;help;help' {
            break
        }
        'lsr;sandbox;inventory' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'A running sandbox to control (default: the embedded store under the config dir)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Give a TN an explicit behaviour, overriding its line rule')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lsr;sandbox;inventory;add' {
            [CompletionResult]::new('--behaviour', '--behaviour', [CompletionResultType]::ParameterName, 'One of: foc, not-ours, disconnected, one-tn-only, pin, manual, other-carrier')
            [CompletionResult]::new('--pin', '--pin', [CompletionResultType]::ParameterName, 'The port-out PIN for `pin` behaviour')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'A running sandbox to control (default: the embedded store under the config dir)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lsr;sandbox;inventory;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Give a TN an explicit behaviour, overriding its line rule')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lsr;sandbox;inventory;help;add' {
            break
        }
        'lsr;sandbox;inventory;help;help' {
            break
        }
        'lsr;sandbox;faults' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'A running sandbox to control (default: the embedded store under the config dir)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set faults')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove every fault')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the current faults')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lsr;sandbox;faults;set' {
            [CompletionResult]::new('--latency-ms', '--latency-ms', [CompletionResultType]::ParameterName, 'Added latency per request, in milliseconds')
            [CompletionResult]::new('--error-rate', '--error-rate', [CompletionResultType]::ParameterName, 'Share of requests answered 503 (0.0–1.0)')
            [CompletionResult]::new('--drop-after-commit', '--drop-after-commit', [CompletionResultType]::ParameterName, 'Share of order creations stored and then dropped before the answer (0.0–1.0)')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'A running sandbox to control (default: the embedded store under the config dir)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lsr;sandbox;faults;clear' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'A running sandbox to control (default: the embedded store under the config dir)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lsr;sandbox;faults;show' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'A running sandbox to control (default: the embedded store under the config dir)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lsr;sandbox;faults;help' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set faults')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove every fault')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the current faults')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lsr;sandbox;faults;help;set' {
            break
        }
        'lsr;sandbox;faults;help;clear' {
            break
        }
        'lsr;sandbox;faults;help;show' {
            break
        }
        'lsr;sandbox;faults;help;help' {
            break
        }
        'lsr;sandbox;reset' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'A running sandbox to control (default: the embedded store under the config dir)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lsr;sandbox;help' {
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the sandbox HTTP server')
            [CompletionResult]::new('clock', 'clock', [CompletionResultType]::ParameterValue, 'Show or move the sandbox clock')
            [CompletionResult]::new('npac', 'npac', [CompletionResultType]::ParameterValue, 'Simulate the NPAC side of a port')
            [CompletionResult]::new('inventory', 'inventory', [CompletionResultType]::ParameterValue, 'Show the TN-line behaviour table, or add TNs with explicit behaviour')
            [CompletionResult]::new('faults', 'faults', [CompletionResultType]::ParameterValue, 'Inject latency, errors and dropped connections')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Delete every order and restore the demo accounts')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lsr;sandbox;help;serve' {
            break
        }
        'lsr;sandbox;help;clock' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the sandbox time')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set the sandbox time (RFC 3339 or YYYY-MM-DD)')
            [CompletionResult]::new('advance', 'advance', [CompletionResultType]::ParameterValue, 'Move the sandbox time forward (e.g. 6h, 2d, 90m)')
            break
        }
        'lsr;sandbox;help;clock;show' {
            break
        }
        'lsr;sandbox;help;clock;set' {
            break
        }
        'lsr;sandbox;help;clock;advance' {
            break
        }
        'lsr;sandbox;help;npac' {
            [CompletionResult]::new('subscribe', 'subscribe', [CompletionResultType]::ParameterValue, 'Record the gaining carrier''s subscriptions for an order''s TNs')
            [CompletionResult]::new('activate', 'activate', [CompletionResultType]::ParameterValue, 'Activate the subscriptions (from the FOC date, once concurred, inside the window)')
            break
        }
        'lsr;sandbox;help;npac;subscribe' {
            break
        }
        'lsr;sandbox;help;npac;activate' {
            break
        }
        'lsr;sandbox;help;inventory' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Give a TN an explicit behaviour, overriding its line rule')
            break
        }
        'lsr;sandbox;help;inventory;add' {
            break
        }
        'lsr;sandbox;help;faults' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set faults')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove every fault')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the current faults')
            break
        }
        'lsr;sandbox;help;faults;set' {
            break
        }
        'lsr;sandbox;help;faults;clear' {
            break
        }
        'lsr;sandbox;help;faults;show' {
            break
        }
        'lsr;sandbox;help;reset' {
            break
        }
        'lsr;sandbox;help;help' {
            break
        }
        'lsr;completions' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Backend base URL (https required except on loopback)')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Bandwidth account id')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the OAuth2 client secret from FILE (`-`: stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables on a terminal, TSV without headers when piped, or JSON')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox backend')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (same as --output json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less: no notes or hints on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail (secrets are always redacted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for destructive commands off a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lsr;help' {
            [CompletionResult]::new('submit', 'submit', [CompletionResultType]::ParameterValue, 'Submit a new port-out LSR')
            [CompletionResult]::new('supp', 'supp', [CompletionResultType]::ParameterValue, 'Supplement an open order: move the requested FOC date or correct the end user''s details')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel one or more open orders')
            [CompletionResult]::new('resubmit', 'resubmit', [CompletionResultType]::ParameterValue, 'Place a new order from an existing one, cancelling it first if it is still open')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search orders by PON, TN, status, customer order id or creation date')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show an order''s status, FOC date, window, errors explained and next steps')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show the backend''s history of an order: every event with its time, the status after it, the backend''s note, who did it and what changed (`Field : old --> new`), oldest first')
            [CompletionResult]::new('notes', 'notes', [CompletionResultType]::ParameterValue, 'List an order''s notes, or add one with `add TEXT`')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check an order offline: every problem at once, with Bandwidth''s codes; sends nothing')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Explain a Bandwidth code or an FAQ topic in plain words, with what to do next')
            [CompletionResult]::new('foc-window', 'foc-window', [CompletionResultType]::ParameterValue, 'Show the 10 business days a FOC date is valid for (day 1 = the FOC date)')
            [CompletionResult]::new('batch', 'batch', [CompletionResultType]::ParameterValue, 'List, inspect and resume split submissions')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Watch orders live until each reaches a final state')
            [CompletionResult]::new('email', 'email', [CompletionResultType]::ParameterValue, 'Print a ready-to-send email draft (To, Subject, body) to Bandwidth''s port-out desk')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Sign in to Bandwidth with OAuth2 client credentials, show the sign-in, sign out')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Create, show and change the configuration')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run and control the local porting backend')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a completion script for SHELL')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lsr;help;submit' {
            break
        }
        'lsr;help;supp' {
            break
        }
        'lsr;help;cancel' {
            break
        }
        'lsr;help;resubmit' {
            break
        }
        'lsr;help;search' {
            break
        }
        'lsr;help;status' {
            break
        }
        'lsr;help;history' {
            break
        }
        'lsr;help;notes' {
            break
        }
        'lsr;help;validate' {
            break
        }
        'lsr;help;explain' {
            break
        }
        'lsr;help;foc-window' {
            break
        }
        'lsr;help;batch' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List batches, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show every child of a batch and its outcome')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Finish an interrupted batch without sending any child twice')
            break
        }
        'lsr;help;batch;list' {
            break
        }
        'lsr;help;batch;show' {
            break
        }
        'lsr;help;batch;resume' {
            break
        }
        'lsr;help;watch' {
            break
        }
        'lsr;help;email' {
            break
        }
        'lsr;help;auth' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Check OAuth2 client credentials and save them in the profile (secret in the keychain)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the profile''s sign-in: environment, URLs, client id, accounts, roles, token expiry and where the secret lives. Exit 6 when no token can be had')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove the profile''s client secret (keychain and config file) and its cached tokens')
            break
        }
        'lsr;help;auth;login' {
            break
        }
        'lsr;help;auth;status' {
            break
        }
        'lsr;help;auth;logout' {
            break
        }
        'lsr;help;config' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a starting config.toml (mode 0600) with Bandwidth production and test profiles')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the resolved configuration, where each value came from, secrets redacted')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set a value in the current profile (--profile), or a top-level key')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config directory and the files lsr keeps in it')
            break
        }
        'lsr;help;config;init' {
            break
        }
        'lsr;help;config;show' {
            break
        }
        'lsr;help;config;set' {
            break
        }
        'lsr;help;config;path' {
            break
        }
        'lsr;help;sandbox' {
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the sandbox HTTP server')
            [CompletionResult]::new('clock', 'clock', [CompletionResultType]::ParameterValue, 'Show or move the sandbox clock')
            [CompletionResult]::new('npac', 'npac', [CompletionResultType]::ParameterValue, 'Simulate the NPAC side of a port')
            [CompletionResult]::new('inventory', 'inventory', [CompletionResultType]::ParameterValue, 'Show the TN-line behaviour table, or add TNs with explicit behaviour')
            [CompletionResult]::new('faults', 'faults', [CompletionResultType]::ParameterValue, 'Inject latency, errors and dropped connections')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Delete every order and restore the demo accounts')
            break
        }
        'lsr;help;sandbox;serve' {
            break
        }
        'lsr;help;sandbox;clock' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the sandbox time')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set the sandbox time (RFC 3339 or YYYY-MM-DD)')
            [CompletionResult]::new('advance', 'advance', [CompletionResultType]::ParameterValue, 'Move the sandbox time forward (e.g. 6h, 2d, 90m)')
            break
        }
        'lsr;help;sandbox;clock;show' {
            break
        }
        'lsr;help;sandbox;clock;set' {
            break
        }
        'lsr;help;sandbox;clock;advance' {
            break
        }
        'lsr;help;sandbox;npac' {
            [CompletionResult]::new('subscribe', 'subscribe', [CompletionResultType]::ParameterValue, 'Record the gaining carrier''s subscriptions for an order''s TNs')
            [CompletionResult]::new('activate', 'activate', [CompletionResultType]::ParameterValue, 'Activate the subscriptions (from the FOC date, once concurred, inside the window)')
            break
        }
        'lsr;help;sandbox;npac;subscribe' {
            break
        }
        'lsr;help;sandbox;npac;activate' {
            break
        }
        'lsr;help;sandbox;inventory' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Give a TN an explicit behaviour, overriding its line rule')
            break
        }
        'lsr;help;sandbox;inventory;add' {
            break
        }
        'lsr;help;sandbox;faults' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set faults')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove every fault')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the current faults')
            break
        }
        'lsr;help;sandbox;faults;set' {
            break
        }
        'lsr;help;sandbox;faults;clear' {
            break
        }
        'lsr;help;sandbox;faults;show' {
            break
        }
        'lsr;help;sandbox;reset' {
            break
        }
        'lsr;help;completions' {
            break
        }
        'lsr;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
