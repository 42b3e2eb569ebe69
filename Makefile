# Convenience wrappers; tasks.py needs only Python 3.11 (make is optional).
.PHONY: demo check test lint bench clean
demo:
	python3 tasks.py demo
check:
	python3 tasks.py check
test:
	python3 tasks.py test
lint:
	python3 tasks.py lint
clean:
	python3 tasks.py clean
