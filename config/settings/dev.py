from .base import *

DEBUG = env.bool("GOVSITE_DEBUG", default=True)
