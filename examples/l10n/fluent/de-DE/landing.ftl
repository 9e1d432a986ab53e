-brand-name = Acme

hero-title = Die neue { -brand-name } Cloud
hero-cta = Kostenlos testen
    .title = { -brand-name } Cloud 3 Tage kostenlos testen

# Variables:
#   $count (Number) - number of open tabs
tabs-open = { $count ->
    [one] Sie haben einen offenen Tab
   *[other] Sie haben { $cuont } offene Tabs
}

footer-contact = Fragen? Besuchen Sie <a data-l10n-name="help">unser Hilfe-Center.
