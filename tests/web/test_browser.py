"""The explorer in Debian's Chromium, headless: search, follow a result to its source, see it marked.

CI installs chromium and chromium-driver (.ci/run); there a missing browser fails the run, elsewhere
these tests are skipped with the command that installs it.
"""
import shutil
import urllib.parse

import pytest

from ..conftest import IN_CI, fetch

CHROMIUM = shutil.which("chromium")
DRIVER = shutil.which("chromedriver")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not (CHROMIUM and DRIVER):
        message = "Chromium is missing: apt-get install chromium chromium-driver"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-extensions", "--no-first-run",
                 "--disable-component-update", "--window-size=1280,900",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)
    driver.implicitly_wait(0)
    yield driver
    driver.quit()


def wait_for(driver, css: str, timeout: float = 10):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(EC.presence_of_element_located((By.CSS_SELECTOR, css)))


def wait_for_page(driver, url_part: str, timeout: float = 10):
    """After a submit: the new page has loaded (the old one also had a results table)."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, timeout).until(
        lambda d: url_part in d.current_url and d.execute_script("return document.readyState") == "complete")


def test_find_lin_county_donations_and_see_each_marked_in_its_paragraph(browser, live_server, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get(live_server + "/")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-CN"
    browser.find_element(By.ID, "place").send_keys("临县")
    Select(browser.find_element(By.ID, "indicator")).select_by_value("donation")
    browser.find_element(By.ID, "value__gte").send_keys("100万")
    browser.find_element(By.CSS_SELECTOR, ".filters button[type=submit]").click()
    wait_for_page(browser, "indicator=donation")
    wait_for(browser, "table.results")
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "a.fact-link")]
    expected = fetch(live_server + "/v1/facts?" + urllib.parse.urlencode(
        {"place": "临县", "indicator": "donation", "value__gte": "100万", "limit": 100}))[2]["rows"]
    assert links and len(links) == len(expected)
    browser.save_screenshot(str(tmp_path / "results.png"))
    assert browser.find_elements(By.CSS_SELECTOR, ".chart svg rect.bar")
    for href in links:
        browser.get(href)
        fact_id = int(urllib.parse.urlsplit(href).path.rsplit("/", 1)[1])
        fact = fetch(f"{live_server}/v1/facts/{fact_id}")[2]
        marked = browser.find_elements(By.CSS_SELECTOR, "blockquote.paragraph mark")
        assert [m.text for m in marked] == [fact["text"]]
        assert fact["value"] >= 1_000_000 and fact["indicator"] == "donation"
        assert "临县" in browser.find_element(By.CSS_SELECTOR, ".place-path").text
        others = browser.find_elements(By.CSS_SELECTOR, "blockquote.paragraph a.other-fact")
        paragraph = fetch(live_server + fact["provenance"]["paragraph"]["url"])[2]
        assert len(others) == len(paragraph["facts"]) - 1
        browser.save_screenshot(str(tmp_path / f"fact-{fact_id}.png"))
    browser.find_element(By.PARTIAL_LINK_TEXT, "阅读全文").click()
    wait_for_page(browser, "/articles/")
    wait_for(browser, "article.story")
    article_id = fact["provenance"]["article"]["id"]
    in_article = fetch(f"{live_server}/v1/facts?article={article_id}&limit=1000")[2]["rows"]
    marks = browser.find_elements(By.CSS_SELECTOR, "article.story a.fact-mark mark")
    assert sorted(m.text for m in marks) == sorted(f["text"] for f in in_article)
    assert all((tmp_path / name).stat().st_size > 1000 for name in ("results.png", f"fact-{fact_id}.png"))


def test_every_control_has_a_label_and_the_keyboard_reaches_the_form(browser, live_server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(live_server + "/")
    unlabelled = browser.execute_script(
        "return [...document.querySelectorAll('input, select')].filter(e => e.labels.length === 0).map(e => e.id)")
    assert unlabelled == []
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    assert browser.switch_to.active_element.text == "跳到正文"
    for _ in range(8):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        if browser.switch_to.active_element.get_attribute("id") == "place":
            break
    assert browser.switch_to.active_element.get_attribute("id") == "place"
    browser.switch_to.active_element.send_keys("吕梁市" + Keys.ENTER)
    wait_for_page(browser, "place=")
    wait_for(browser, "table.results")


def test_place_suggestions_come_from_the_gazetteer_in_either_script(browser, live_server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(live_server + "/")
    field = browser.find_element(By.ID, "place")
    field.send_keys("鄉寧")
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#place-options option"))
    values = [o.get_attribute("value") for o in browser.find_elements(By.CSS_SELECTOR, "#place-options option")]
    assert "乡宁县" in values


def test_a_bad_value_is_explained_on_the_page(browser, live_server):
    from selenium.webdriver.common.by import By

    browser.get(live_server + "/?value__gte=很多")
    alert = wait_for(browser, "[role=alert]")
    assert "value__gte" in alert.text
    assert browser.find_element(By.ID, "value__gte").get_attribute("value") == "很多"


def test_small_screen_has_no_sideways_scrolling(browser, live_server, tmp_path):
    browser.set_window_size(375, 740)
    try:
        browser.get(live_server + "/?" + urllib.parse.urlencode({"place": "临县", "sort": "-value"}))
        wait_for(browser, "table.results")
        page_width, view_width = browser.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert page_width <= view_width
        browser.save_screenshot(str(tmp_path / "small.png"))
    finally:
        browser.set_window_size(1280, 900)


def test_embed_cards_frame_on_this_origin_and_full_pages_never_do(browser, live_server):
    from selenium.webdriver.common.by import By

    fact = fetch(live_server + "/v1/facts?limit=1&sort=-value")[2]["rows"][0]
    browser.get(live_server + "/")
    browser.execute_script(
        "for (const [id, src] of arguments[0]) {"
        " const f = document.createElement('iframe'); f.id = id; f.src = src; document.body.append(f); }",
        [["card", f"/facts/{fact['id']}?embed=1"], ["page", f"/facts/{fact['id']}"]])
    wait_for(browser, "#card")
    browser.switch_to.frame("card")
    try:
        assert wait_for(browser, "mark").text == fact["text"]
    finally:
        browser.switch_to.default_content()
    browser.switch_to.frame("page")
    try:
        assert browser.find_elements(By.CSS_SELECTOR, "mark") == []  # refused by frame-ancestors 'none'
    finally:
        browser.switch_to.default_content()
