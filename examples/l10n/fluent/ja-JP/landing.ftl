-brand-name = Acme

hero-title = 新しい { -brand-name } Cloud のご紹介

# Variables:
#   $count (Number) - number of open tabs
tabs-open = 開いているタブ：{ $count } 件

footer-contact = ご質問は<a data-l10n-name="help">ヘルプセンター</a>へ。
