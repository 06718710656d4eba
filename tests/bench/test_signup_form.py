from bench.signup import SignupAttempt, signup_fields

PAGE = """
<form class="newsletter-form--footer" action="/newsletter/" method="post">
  <input type="email" name="email"><input type="hidden" name="started" value="footer">
</form>
<form method="post" action="/newsletter/">
  <input type="hidden" name="csrfmiddlewaretoken" value="jeton">
  <input type="email" name="email" value="">
  <input type="checkbox" name="consent">
  <input type="text" name="website">
  <input type="hidden" name="started" value="signe">
  <input type="hidden" name="consent_version" value="2024-1">
  <button type="submit">S'inscrire</button>
</form>
"""


def test_fields_come_from_the_form_with_a_csrf_token():
    assert signup_fields(PAGE) == {
        "csrfmiddlewaretoken": "jeton",
        "email": "",
        "website": "",
        "started": "signe",
        "consent_version": "2024-1",
    }


def test_a_page_without_the_token_form_gives_nothing():
    assert signup_fields("<form><input name='email'></form>") is None


def test_only_a_redirect_to_the_thanks_page_counts_as_accepted():
    thanked = SignupAttempt("a@exemple.org", 200, 302, "/newsletter/merci/")
    delayed = SignupAttempt("b@exemple.org", 200, 302, "/newsletter/envoi-retarde/")
    refused = SignupAttempt("c@exemple.org", 200, 503)

    assert thanked.accepted
    assert not delayed.accepted
    assert not refused.accepted
