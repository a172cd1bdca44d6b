// Office
