-brand-name = Acme

hero-title = Meet the new { -brand-name } Cloud
hero-cta = Start free trial
    .title = Try { -brand-name } Cloud free for 30 days

# Variables:
#   $count (Number) - number of open tabs
tabs-open = { $count ->
    [one] You have one open tab
   *[other] You have { $count } open tabs
}

footer-contact = Questions? Visit <a data-l10n-name="help">our help centre</a>.
