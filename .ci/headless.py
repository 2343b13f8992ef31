"""What the browser checks share: finding headless Chromium (and the other tools they run)."""
import shutil
import sys

BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def chromium(check):
    """The path of Chromium, or exit naming the check that needs it."""
    return next((shutil.which(name) for name in BROWSERS if shutil.which(name)), None) or sys.exit(f"{check}: chromium is not installed")


def tool(check, name):
    """The path of `name`, or exit naming the check that needs it."""
    return shutil.which(name) or sys.exit(f"{check}: {name} is not installed")
